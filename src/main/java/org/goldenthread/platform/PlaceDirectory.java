package org.goldenthread.platform;

import java.util.Collection;
import java.util.List;

/**
 * Lets the platform check the places named in a place lead's role without knowing how places
 * are kept; the structure module provides it.
 */
public interface PlaceDirectory {

    /** The names among {@code names} that are not places of the ICS (or an ICS merged into it). */
    List<String> unknownPlaces(Tenant tenant, Collection<String> names);
}
