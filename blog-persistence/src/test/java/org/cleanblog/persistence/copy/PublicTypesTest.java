package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copy package's public face is deliberate: every public type, nested ones included (a public type nested in a
 * package-private one is still reachable by name), is listed here. Read from the compiled classes, no scanner.
 */
class PublicTypesTest {
    @Test
    void shouldExposeOnlyTheIntendedTypes() throws Exception {
        assertThat(publicTypes())
                .containsExactlyInAnyOrder(
                        "BlogCopy",
                        "CopyException",
                        "CopyException$Reason",
                        "CopyListener",
                        "CopyReport",
                        "Reject",
                        "TableReport");
    }

    private static List<String> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder =
                Path.of(BlogCopy.class.getResource("BlogCopy.class").toURI()).getParent();
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .toList();
        }
        assertThat(names).as("classes found in " + folder).contains("BlogCopy", "CopyEngine");
        ClassLoader loader = BlogCopy.class.getClassLoader();
        List<String> open = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(BlogCopy.class.getPackageName() + "." + name, false, loader);
            if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()) {
                open.add(name);
            }
        }
        return open;
    }
}
