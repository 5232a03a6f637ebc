package org.cleanblog.core.post;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cleanblog.core.ValidationException;
import org.junit.jupiter.api.Test;

class PostStampTest {
    @Test
    void shouldRefuseAStampWithoutUpdateTime() {
        assertThatThrownBy(() -> new PostStamp(7, null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("updatedAt must not be null");
    }
}
