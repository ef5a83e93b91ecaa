package org.goldenthread.pipeline.succession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Component;

/**
 * Succession's cards on an ICS's overview: how many terms end in the next 90 days, for ICS admins
 * and (for their places' seats) place leads, and how many of those seats have nobody ready now; and
 * for members, where they stand in the talent pool, so the way to say they are interested in
 * leadership is on the first page they see.
 */
@Component
class SuccessionDashboard implements Dashboard {

    static final int HORIZON_DAYS = 90;

    private final Succession succession;
    private final TalentPoolEntries pool;
    private final Register register;
    private final Clock clock;

    SuccessionDashboard(Succession succession, TalentPoolEntries pool, Register register, Clock clock) {
        this.succession = succession;
        this.pool = pool;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        Footprint footprint = Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD)
                .orElse(null);
        if (footprint == null) {
            return caller.has(Role.MEMBER, tenant.id()) ? List.of(yourInterest(caller, tenant)) : List.of();
        }
        List<Ending> ending = succession.ending(footprint, HORIZON_DAYS, LocalDate.now(clock));
        long uncovered =
                ending.stream().filter(e -> e.readyNowSuccessors() == 0).count();
        return List.of(new DashboardCard(
                45,
                "Terms ending in the next " + HORIZON_DAYS + " days",
                String.valueOf(ending.size()),
                ending.isEmpty()
                        ? "No appointment's term ends in the next " + HORIZON_DAYS + " days"
                        : uncovered + " of " + Plurals.of(ending.size(), "seat") + " "
                                + Plurals.word(uncovered, "has", "have") + " no successor ready now",
                "/ics/" + tenant.odsCode() + "/pipeline/succession?horizon=" + HORIZON_DAYS + "#ending"));
    }

    private DashboardCard yourInterest(Caller caller, Tenant tenant) {
        TalentEntry entry = register.personByEmail(caller.email())
                .flatMap(p -> pool.ofPerson(p.id()))
                .orElse(null);
        String href = "/ics/" + tenant.odsCode() + "/pipeline/talent/mine";
        if (entry == null) {
            return new DashboardCard(
                    45,
                    "Interested in leadership?",
                    "Not in the talent pool",
                    "Say which roles and levels interest you, and the ICS can think of you when seats come up",
                    href);
        }
        String readiness = Coded.parse(Readiness.class, entry.readiness())
                .map(Readiness::label)
                .orElse(entry.readiness());
        return new DashboardCard(
                45, "Your interest in leadership", "In the talent pool", readiness + ": change what you told us", href);
    }
}
