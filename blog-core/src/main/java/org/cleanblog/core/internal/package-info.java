/**
 * Internal to Clean Blog's own modules: public only so that blog-persistence, blog-config and blog-web can share one
 * implementation of a rule. Not part of the library's API: it may change or disappear in any release without notice,
 * so code outside this project must not use it.
 */
package org.cleanblog.core.internal;
