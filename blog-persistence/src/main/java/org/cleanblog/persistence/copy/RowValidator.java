package org.cleanblog.persistence.copy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;

/**
 * Finds the rows the target would refuse before they are written, so that every one of them can be listed (a failed
 * insert names only the first, and on PostgreSQL aborts the transaction). Keeps the ids of accepted rows to check
 * references: a row that refers to a rejected row is rejected too. Not thread-safe; one per copy.
 */
final class RowValidator {
    private final Map<String, IdSet> acceptedIds = new HashMap<>();
    private final Set<String> referencedTables;
    private final Map<String, Map<String, Long>> uniqueValues = new HashMap<>();

    RowValidator(List<TableSpec> tables) {
        referencedTables = tables.stream()
                .flatMap(t -> t.columns().stream())
                .map(Column::references)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Null when {@code row} can be written to {@code table}, otherwise the reason it cannot. */
    String check(TableSpec table, Object[] row) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            String problem = problem(table, columns.get(i), row[i]);
            if (problem != null) {
                return problem;
            }
        }
        Long id = (Long) row[0];
        if (id <= 0) {
            return "id " + id + " is not positive";
        }
        String problem = recordProblem(table, row);
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.uniqueIgnoringCase()) {
                Long other = uniqueValues
                        .computeIfAbsent(table.name() + "." + column.name(), k -> new HashMap<>())
                        .putIfAbsent((String) row[i], id);
                if (other != null) {
                    return column.name() + " '" + row[i] + "' equals that of " + table.name() + " id " + other
                            + " ignoring case";
                }
            }
        }
        return null;
    }

    /** Records that {@code id} was written to {@code table}, so rows referring to it are accepted. */
    void accepted(TableSpec table, long id) {
        if (!referencedTables.contains(table.name())) {
            return; // nothing refers to it: a million comment ids need not be kept
        }
        acceptedIds.computeIfAbsent(table.name(), k -> new IdSet()).add(id);
    }

    private String problem(TableSpec table, Column column, Object value) {
        if (value instanceof Invalid invalid) {
            return column.name() + " " + invalid.reason();
        }
        if (value == null) {
            if (column.nullable()) {
                return null;
            }
            if (column.references() == null) {
                return column.name() + " is NULL, the target requires a value";
            }
            // The tutorial can delete posts (leaving their comments with a NULL post_id) but not users.
            return column.name() + " is NULL, the target requires a row of " + column.references()
                    + (column.references().equals("posts")
                            ? " (in the Flask tutorial, what deleting a post leaves)"
                            : "");
        }
        if (value instanceof String text) {
            return textProblem(column, text);
        }
        if (column.references() != null) {
            IdSet ids = acceptedIds.get(column.references());
            long ref = (Long) value;
            if (ids == null || !ids.contains(ref)) {
                return column.name() + " " + ref + ": " + column.references() + " has no such row (or it was rejected)";
            }
        }
        return null;
    }

    /**
     * A user must be one the blog itself could have registered, or it could never log in: an e-mail of Email's shape
     * (stored as Email stores it), a name, and a password hash PasswordHasher verifies (the Werkzeug format, at most
     * {@link PasswordHasher#MAX_ITERATIONS} iterations: a costlier hash would make each login attempt occupy a CPU).
     * Column order of {@link BlogSchema#USERS}.
     */
    private static String userProblem(Object[] row) {
        String email = (String) row[1];
        String hash = (String) row[4];
        try {
            Email valid = new Email(email);
            if (!valid.value().equals(email)) {
                return "email '" + email + "' has spaces around it, which the blog never stores";
            }
            if (!valid.normalized().equals(row[2])) {
                return "email_normalized '" + row[2] + "' is not the normalised form of email '" + email + "'";
            }
            new NewUser(valid, (String) row[3], hash);
        } catch (ValidationException e) {
            return e.getMessage();
        }
        if (!row[3].equals(((String) row[3]).strip())) {
            return "name '" + row[3] + "' has spaces around it, which the blog never stores";
        }
        return PasswordHasher.problem(hash)
                .map(reason -> reason + ", so the user could never log in; the user must be given a new password")
                .orElse(null);
    }

    /**
     * The rules of the record the blog itself would have stored the row through, so that the copy writes nothing the
     * blog's own forms would refuse: an https header image, a title, a comment text. Column order of
     * {@link BlogSchema}'s tables.
     */
    private static String recordProblem(TableSpec table, Object[] row) {
        try {
            switch (table.name()) {
                case "users" -> {
                    return userProblem(row);
                }
                case "posts" ->
                    new PostContent(
                            (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6]);
                case "comments" -> new NewComment((Long) row[1], (Long) row[2], (String) row[3], (String) row[4]);
                case "contact_messages" ->
                    new NewContactMessage(
                            (String) row[1], new Email((String) row[2]), (String) row[3], (String) row[4]);
                default -> throw new IllegalStateException("no record rules for table " + table.name());
            }
        } catch (ValidationException e) {
            return e.getMessage();
        }
        return null;
    }

    private static String textProblem(Column column, String text) {
        if (text.indexOf('\0') >= 0) {
            return column.name() + " contains a NUL character, which PostgreSQL text cannot hold";
        }
        if (column.maxLength() != Integer.MAX_VALUE && text.length() > column.maxLength()) {
            int characters = text.codePointCount(0, text.length());
            if (characters > column.maxLength()) {
                return column.name() + " is " + characters + " characters long, the limit is " + column.maxLength();
            }
        }
        try {
            // blog-core's one rule for characters (XML 1.0's, which feeds need): the forms refuse the same ones.
            Check.length(column.name(), text, Integer.MAX_VALUE);
        } catch (ValidationException e) {
            return e.getMessage();
        }
        return null;
    }
}
