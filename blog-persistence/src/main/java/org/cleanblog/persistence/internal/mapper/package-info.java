/**
 * <strong>Internal:</strong> the MyBatis mapper interfaces, public because MyBatis builds proxies of them; their SQL is
 * in the XML files beside them. Not part of the API: no compatibility promise, they may change in any release.
 */
package org.cleanblog.persistence.internal.mapper;
