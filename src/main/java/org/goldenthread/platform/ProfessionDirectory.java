package org.goldenthread.platform;

import java.util.List;

/**
 * Lets modules that may not depend on the people module name the professions it keeps, such as
 * the professions a seat is open to; the people module provides it.
 */
public interface ProfessionDirectory {

    /** A profession by its code, with the name people read and the group it belongs to. */
    record Listed(String code, String name, String group) {}

    /** Every profession, in group order and then by name. */
    List<Listed> professions();
}
