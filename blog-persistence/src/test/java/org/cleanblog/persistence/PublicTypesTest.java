package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cleanblog.core.BlogException;
import org.junit.jupiter.api.Test;

/**
 * The public types of blog-core and of blog-persistence's API and internal packages are a promise (or, under
 * {@code internal}, a deliberate exception): a new one must be added here on purpose. The copy package is pinned by
 * its own test.
 */
class PublicTypesTest {
    private static final String HOW_TO_FIX = "a public type is a promise to every program that imports the library:"
            + " make it package-private, or, when it is meant to be public, add it to the list in PublicTypesTest on"
            + " purpose (and mark it internal in its Javadoc if it is public only for wiring)";

    @Test
    void shouldKeepThePublicTypesOfBlogCoreAsIntended() throws Exception {
        assertThat(publicTypes(BlogException.class, "org.cleanblog.core"))
                .as(HOW_TO_FIX)
                .containsExactly(
                        "org.cleanblog.core.BlogException",
                        "org.cleanblog.core.BlogRepositories",
                        "org.cleanblog.core.ConflictException",
                        "org.cleanblog.core.NotFoundException",
                        "org.cleanblog.core.StorageException",
                        "org.cleanblog.core.Transactions",
                        "org.cleanblog.core.ValidationException",
                        "org.cleanblog.core.comment.Comment",
                        "org.cleanblog.core.comment.CommentRepository",
                        "org.cleanblog.core.comment.NewComment",
                        "org.cleanblog.core.contact.ContactMessage",
                        "org.cleanblog.core.contact.ContactMessageRepository",
                        "org.cleanblog.core.contact.NewContactMessage",
                        "org.cleanblog.core.content.ContentVersion",
                        "org.cleanblog.core.content.HtmlSanitizer",
                        "org.cleanblog.core.internal.Check",
                        "org.cleanblog.core.internal.ConnectionUrls",
                        "org.cleanblog.core.password.PasswordHasher",
                        "org.cleanblog.core.post.Page",
                        "org.cleanblog.core.post.PageRequest",
                        "org.cleanblog.core.post.Post",
                        "org.cleanblog.core.post.PostContent",
                        "org.cleanblog.core.post.PostRepository",
                        "org.cleanblog.core.post.PostStamp",
                        "org.cleanblog.core.post.PostSummary",
                        "org.cleanblog.core.throttle.ThrottleStore",
                        "org.cleanblog.core.user.Email",
                        "org.cleanblog.core.user.NewUser",
                        "org.cleanblog.core.user.User",
                        "org.cleanblog.core.user.UserRepository");
    }

    @Test
    void shouldKeepThePublicTypesOfBlogPersistenceAsIntended() throws Exception {
        Set<String> types = publicTypes(BlogDatabase.class, "org.cleanblog.persistence");
        types.removeIf(name -> name.startsWith("org.cleanblog.persistence.copy."));

        assertThat(types)
                .as(HOW_TO_FIX)
                .containsExactly(
                        "org.cleanblog.persistence.BlogDatabase",
                        "org.cleanblog.persistence.BlogDatabaseOptions",
                        "org.cleanblog.persistence.Dialect",
                        "org.cleanblog.persistence.NotABlogDatabaseException",
                        "org.cleanblog.persistence.internal.BlogStore",
                        "org.cleanblog.persistence.internal.DataSources",
                        "org.cleanblog.persistence.internal.InstantTypeHandler",
                        "org.cleanblog.persistence.internal.JsoupHtmlSanitizer",
                        "org.cleanblog.persistence.internal.mapper.CommentMapper",
                        "org.cleanblog.persistence.internal.mapper.ContactMessageMapper",
                        "org.cleanblog.persistence.internal.mapper.PostMapper",
                        "org.cleanblog.persistence.internal.mapper.UserMapper");
    }

    @Test
    void shouldMarkEveryInternalPackageAsSuch() throws Exception {
        for (Class<?> anchor : List.of(BlogException.class, BlogDatabase.class)) {
            Path root = classesRoot(anchor);
            try (Stream<Path> infos = Files.walk(root)) {
                List<Path> internal = infos.filter(p -> p.toString().contains("internal"))
                        .filter(p -> p.getFileName().toString().equals("package-info.class"))
                        .toList();
                assertThat(internal)
                        .as("package-info of the internal packages under " + root)
                        .isNotEmpty();
            }
        }
    }

    /** Every public type (top-level or reachable nested) whose name starts with {@code prefix}, sorted. */
    private static Set<String> publicTypes(Class<?> anchor, String prefix) throws Exception {
        Path root = classesRoot(anchor);
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.startsWith(prefix) || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (isVisible(type)) {
                    types.add(type.getName());
                }
            }
        }
        return types;
    }

    /** Public, and every enclosing type public too: a public type nested in a package-private one still leaks. */
    private static boolean isVisible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        boolean nestedInPublic = type.getEnclosingClass() == null
                || Modifier.isPublic(type.getModifiers()) && isVisible(type.getEnclosingClass());
        return Modifier.isPublic(type.getModifiers()) && nestedInPublic;
    }

    /** The classes folder (or exploded output) that holds {@code anchor}, in the reactor and from a jar alike. */
    private static Path classesRoot(Class<?> anchor) throws URISyntaxException, IOException {
        Path location = Path.of(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return location;
        }
        return java.nio.file.FileSystems.newFileSystem(location).getPath("/");
    }
}
