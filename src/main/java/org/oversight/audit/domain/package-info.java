/** Case-audit rules as small pure types: grades, sampling rules and the seeded sampler, templates and their questions. */
package org.oversight.audit.domain;
