package org.cleanblog.core.contact;

import java.time.Instant;

/** A stored contact message. */
public record ContactMessage(long id, String name, String email, String phone, String message, Instant createdAt) {}
