/** Shared HTTP plumbing of the query API (parameters, errors, JSON, paging). Not API. */
package io.sightline.query.internal;
