package org.imagelabeler.platform.security;

/**
 * The one access policy every service asks: OGC capabilities and operations, REST, the web UI
 * and exports. A resource that the subject may not read must look as if it did not exist (404).
 */
public interface AccessPolicy {

    boolean allows(Subject subject, AccessTarget target, AccessMode mode);
}
