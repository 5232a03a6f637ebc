/**
 * <strong>Internal:</strong> the implementation of blog-persistence. The few public types here are public only so
 * that the library's other packages (and the blog's composition root) can wire them; they are not part of the API,
 * carry no compatibility promise, and may change or disappear in any release. Use {@code BlogDatabase}.
 */
package org.cleanblog.persistence.internal;
