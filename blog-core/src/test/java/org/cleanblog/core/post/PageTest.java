package org.cleanblog.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cleanblog.core.ValidationException;
import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void shouldCountPagesAndNeighbours() {
        Page<String> page = new Page<>(List.of("a"), new PageRequest(2, 10), 21);

        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
        assertThat(page.request().offset()).isEqualTo(10);
    }

    @Test
    void shouldHaveOneEmptyPageForAnEmptyBlog() {
        Page<String> page = new Page<>(List.of(), PageRequest.first(10), 0);

        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isFalse();
    }

    @Test
    void shouldRejectPageZeroAndHugePages() {
        assertThatThrownBy(() -> new PageRequest(0, 10)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(1, 101)).isInstanceOf(ValidationException.class);
    }
}
