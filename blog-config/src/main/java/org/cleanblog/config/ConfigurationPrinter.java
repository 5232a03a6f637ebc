package org.cleanblog.config;

import java.util.List;

/** Lays out {@link ConfigEntry} lines as an aligned three-column table for a terminal. */
final class ConfigurationPrinter {
    private static final String HEADER = "Effective configuration (first found wins: system property, environment,"
            + " file, default). Secrets are masked.";

    private ConfigurationPrinter() {}

    static String render(List<ConfigEntry> entries, List<String> warnings) {
        int nameWidth = "SETTING".length();
        int valueWidth = "VALUE".length();
        for (ConfigEntry entry : entries) {
            nameWidth = Math.max(nameWidth, entry.name().length());
            valueWidth = Math.max(valueWidth, entry.value().length());
        }
        String format = "%-" + nameWidth + "s  %-" + valueWidth + "s  %s";
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append(String.format(format, "SETTING", "VALUE", "SOURCE").stripTrailing())
                .append('\n');
        for (ConfigEntry entry : entries) {
            String source = entry.source() == null ? "" : entry.source().toString();
            out.append(String.format(format, entry.name(), entry.value(), source)
                            .stripTrailing())
                    .append('\n');
        }
        if (!warnings.isEmpty()) {
            out.append('\n').append("Warnings:").append('\n');
            warnings.forEach(warning -> out.append("  - ").append(warning).append('\n'));
        }
        return out.toString();
    }
}
