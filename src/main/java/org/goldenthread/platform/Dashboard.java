package org.goldenthread.platform;

import java.util.List;

/** A module's headline figures for an ICS's overview page. */
public interface Dashboard {

    List<DashboardCard> cardsFor(Caller caller, Tenant tenant);
}
