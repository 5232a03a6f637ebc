package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.comment;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link org.cleanblog.core.comment.CommentRepository} contract, run on each dialect by its subclasses. */
abstract class CommentRepositoryContract extends DatabaseContract {
    private User author;
    private User reader;
    private Post post;

    CommentRepositoryContract(Dialect dialect) {
        super(dialect);
    }

    @BeforeEach
    void createAuthorReaderAndPost() {
        author = db.users().create(newUser("author@example.org"));
        reader = db.users().create(newUser("Reader@Example.org"));
        post = db.posts().create(author.id(), content("Commented"));
    }

    @Test
    void shouldStoreACommentWithItsAuthorsNameAndEmail() {
        var now = clock.peek().truncatedTo(ChronoUnit.MICROS);

        Comment created = db.comments().create(comment(post.id(), reader.id(), "Nice post"));

        assertThat(created)
                .isEqualTo(new Comment(
                        created.id(),
                        post.id(),
                        reader.id(),
                        reader.name(),
                        "Reader@Example.org",
                        "Nice post",
                        "<p>Nice post</p>",
                        now));
    }

    @Test
    void shouldListAPostsCommentsOldestFirstAndNoOtherPosts() {
        Post other = db.posts().create(author.id(), content("Other"));
        Comment first = db.comments().create(comment(post.id(), reader.id(), "first"));
        db.comments().create(comment(other.id(), reader.id(), "elsewhere"));
        Comment second = db.comments().create(comment(post.id(), author.id(), "second"));

        assertThat(db.comments().findByPost(post.id())).containsExactly(first, second);
    }

    @Test
    void shouldListNoCommentsForAPostWithoutAnyOrAnUnknownPost() {
        assertThat(db.comments().findByPost(post.id())).isEmpty();
        assertThat(db.comments().findByPost(99999)).isEmpty();
    }

    @Test
    void shouldPageAPostsCommentsInTheSameOrderWithTheirTotal() {
        Post other = db.posts().create(author.id(), content("Other"));
        List<Comment> all = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            all.add(db.comments().create(comment(post.id(), i % 2 == 0 ? author.id() : reader.id(), "c" + i)));
            db.comments().create(comment(other.id(), reader.id(), "elsewhere " + i));
        }

        Page<Comment> first = db.comments().findPageByPost(post.id(), new PageRequest(1, 2));
        Page<Comment> second = db.comments().findPageByPost(post.id(), new PageRequest(2, 2));
        Page<Comment> last = db.comments().findPageByPost(post.id(), new PageRequest(3, 2));

        assertThat(first.items()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(last.items()).containsExactly(all.get(4));
        assertThat(last.total()).isEqualTo(5);
        assertThat(last.totalPages()).isEqualTo(3);
        assertThat(db.comments()
                        .findPageByPost(post.id(), new PageRequest(1, 100))
                        .items())
                .isEqualTo(db.comments().findByPost(post.id()));
    }

    @Test
    void shouldGiveAnEmptyPageBeyondTheLastAndForAnUnknownPost() {
        db.comments().create(comment(post.id(), reader.id(), "only"));

        Page<Comment> beyond = db.comments().findPageByPost(post.id(), new PageRequest(2, 1));
        Page<Comment> unknown = db.comments().findPageByPost(99999, PageRequest.first(10));

        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(1);
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.total()).isZero();
        assertThatThrownBy(() -> db.comments().findPageByPost(post.id(), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("page request");
    }

    @Test
    void shouldReportTheMissingPostWhenCommentingOnAnUnknownPost() {
        assertThatThrownBy(() -> db.comments().create(comment(99999, reader.id(), "lost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("post 99999 does not exist");
    }

    @Test
    void shouldReportTheMissingAuthorWhenAnUnknownUserComments() {
        assertThatThrownBy(() -> db.comments().create(comment(post.id(), 88888, "ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 88888 does not exist");
        assertThat(db.comments().count()).isZero();
    }

    @Test
    void shouldCountStoredComments() {
        db.comments().create(comment(post.id(), reader.id(), "one"));
        db.comments().create(comment(post.id(), reader.id(), "two"));

        assertThat(db.comments().count()).isEqualTo(2);
    }

    @Test
    void shouldStoreOnlySanitisedHtmlWhateverTheCallerPasses() {
        Comment created = db.comments()
                .create(new NewComment(
                        post.id(), reader.id(), "hi", "<p>hi<script>alert(1)</script><img src=x onerror=y()></p>"));

        assertThat(created.bodyHtml()).isEqualTo("<p>hi<img src=\"x\"></p>");
        assertThat(db.comments().findByPost(post.id()).get(0).bodyHtml()).doesNotContainIgnoringCase("script");
    }
}
