package org.goldenthread.platform;

import java.util.List;
import java.util.Optional;

/**
 * Finds the tenant to work as for records that carry a given ICS id, for work that starts from a
 * record rather than from a signed-in user (such as a respondent following a survey link).
 */
public interface TenantDirectory {

    /**
     * The ICS whose records carry this id, or, once it has been merged, the ICS it now lives in:
     * either way the tenant through which those records are seen.
     */
    Optional<Tenant> tenantOf(long icsId);

    /** Every ICS still in use (not merged into another), for housekeeping done in each one's scope. */
    List<Tenant> activeTenants();
}
