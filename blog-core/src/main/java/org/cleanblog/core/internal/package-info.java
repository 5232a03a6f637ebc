/**
 * <strong>Internal:</strong> helpers that are public only so that blog-core's own packages and blog-persistence can
 * share them. Not part of the API: no compatibility promise, anything here may change or disappear in any release.
 */
package org.cleanblog.core.internal;
