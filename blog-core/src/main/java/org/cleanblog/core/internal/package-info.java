/**
 * <strong>Internal</strong> to Clean Blog's own modules: public only so that blog-core's own packages,
 * blog-persistence, blog-config and blog-web can share one implementation of a rule. Not part of the library's API:
 * no compatibility promise, anything here may change or disappear in any release, so code outside this project must
 * not use it.
 */
package org.cleanblog.core.internal;
