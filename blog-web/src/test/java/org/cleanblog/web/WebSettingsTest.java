package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
    @Test
    void shouldMaskTheSecretKeysInToString() {
        WebSettings settings = WebSettings.of("0.0.0.0", 8080, List.of("current-secret-key", "older-secret-key"));

        assertThat(settings.toString())
                .doesNotContain("current-secret-key", "older-secret-key")
                .contains("secretKeys=[2 masked]", "port=8080", "trustedProxies=127.0.0.0/8");
    }
}
