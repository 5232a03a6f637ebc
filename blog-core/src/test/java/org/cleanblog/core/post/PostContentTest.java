package org.cleanblog.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.NewComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every post obeys, whoever writes it: the editor form and the data mover share them. */
class PostContentTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://images.example.org/a.png",
                "HTTP://x.example/a.png",
                "https://",
                "/a.png",
                "javascript:alert(1)",
                "data:image/png;base64,AAAA"
            })
    void shouldRefuseAHeaderImageThatIsNotHttps(String url) {
        assertThatThrownBy(() -> new PostContent("T", "", url, "b", "<p>b</p>"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("img_url must be an https:// address of an image, or empty");
    }

    @Test
    void shouldAcceptAnHttpsHeaderImageOrNoneStripped() {
        assertThat(new PostContent("T", "", " HTTPS://x.example/a.png ", "b", "").imgUrl())
                .isEqualTo("HTTPS://x.example/a.png");
        assertThat(new PostContent("T", "", "  ", "b", "").imgUrl()).isEmpty();
        assertThat(new PostContent("T", "", null, "b", "").imgUrl()).isEmpty();
    }

    @Test
    void shouldBoundTheBodyByWhatOneRequestCanCarryAndItsHtmlByFourTimesThat() {
        String longest = "x".repeat(PostContent.MAX_BODY_LENGTH);
        assertThat(new PostContent("T", "", "", longest, longest).body()).hasSize(1_048_576);

        assertThatThrownBy(() -> new PostContent("T", "", "", longest + "x", ""))
                .isInstanceOf(ValidationException.class)
                .hasMessage("body must be at most 1048576 characters long");
        assertThatThrownBy(() -> new PostContent("T", "", "", "b", "x".repeat(PostContent.MAX_BODY_HTML_LENGTH + 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("body html must be at most 4194304 characters long");
        assertThatThrownBy(() -> new NewComment(1, 1, "c", "x".repeat(NewComment.MAX_BODY_HTML_LENGTH + 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("comment html must be at most 40000 characters long");
    }
}
