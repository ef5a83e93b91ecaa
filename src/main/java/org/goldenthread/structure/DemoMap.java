package org.goldenthread.structure;

import java.util.List;
import java.util.Random;
import org.goldenthread.platform.DemoIcsCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's map: five places of some 1.5 million people in all, 36 neighbourhoods and a few
 * hundred organisations. Every name is invented.
 */
@Component
class DemoMap {

    record DemoPlace(String name, String council, int population, int neighbourhoods, int practices) {}

    static final List<DemoPlace> PLACES = List.of(
            new DemoPlace("Northmoor", "Northmoor City Council", 412_000, 10, 48),
            new DemoPlace("Vale of Ashby", "Vale of Ashby District Council", 318_000, 8, 36),
            new DemoPlace("Kingsbridge", "Kingsbridge Borough Council", 296_000, 7, 33),
            new DemoPlace("Eastwold", "Eastwold Council", 262_000, 6, 28),
            new DemoPlace("Harrowfield", "Harrowfield Council", 214_000, 5, 22));

    private static final String[] AREAS = {
        "Abbey",
        "Brookside",
        "Castle",
        "Dale",
        "Elmwood",
        "Fairfield",
        "Greenway",
        "Highcross",
        "Ivy Bank",
        "Jubilee",
        "Kingsmead",
        "Larkhill",
        "Millbrook",
        "Newlands",
        "Oakfield",
        "Parkside",
        "Queensway",
        "Riverside",
        "St Anne's",
        "Thornbury",
        "Upperton",
        "Victoria",
        "Westgate",
        "Yewtree",
        "Ashgrove",
        "Beacon",
        "Cedar",
        "Danesbury",
        "Eastfield",
        "Foxhill",
        "Glebe",
        "Hollybush",
        "Ironbridge",
        "Kestrel",
        "Linden",
        "Moorside",
        "Northgate",
        "Orchard",
        "Pinewood",
        "Redhill"
    };

    private final JdbcClient jdbc;

    DemoMap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(1)
    void on(DemoIcsCreated event) {
        long ics = event.tenant().id();
        Random random = new Random(20211001L);
        int area = 0;
        for (DemoPlace p : PLACES) {
            long placeId = insert(
                    "insert into place (ics_id, name, local_authority, population) values (?, ?, ?, ?) returning id",
                    ics,
                    p.name(),
                    p.council(),
                    p.population());
            insertOrganisation(ics, p.council(), "local_authority", placeId);
            insertOrganisation(ics, p.name() + " Public Health Team", "public_health", placeId);
            insertOrganisation(ics, p.name() + " Council for Voluntary Service", "vcse", placeId);
            insertOrganisation(ics, p.name() + " Carers' Centre", "vcse", placeId);
            for (int n = 0; n < p.neighbourhoods(); n++) {
                String name = AREAS[area++ % AREAS.length] + " and " + p.name() + " PCN";
                jdbc.sql("insert into neighbourhood (ics_id, place_id, name, population) values (?, ?, ?, ?)")
                        .params(ics, placeId, name, p.population() / p.neighbourhoods() + random.nextInt(4000) - 2000)
                        .update();
            }
            for (int i = 0; i < p.practices(); i++) {
                insertOrganisation(
                        ics,
                        AREAS[random.nextInt(AREAS.length)] + " Surgery, " + p.name() + " " + (i + 1),
                        "general_practice",
                        placeId);
            }
            for (int i = 0; i < p.practices() / 2; i++) {
                insertOrganisation(
                        ics,
                        AREAS[random.nextInt(AREAS.length)] + " Pharmacy, " + p.name() + " " + (i + 1),
                        "community_pharmacy",
                        placeId);
            }
            for (int i = 0; i < 4; i++) {
                insertOrganisation(
                        ics,
                        AREAS[random.nextInt(AREAS.length)] + " Dental Practice, " + p.name() + " " + (i + 1),
                        "dental",
                        placeId);
                insertOrganisation(
                        ics,
                        AREAS[random.nextInt(AREAS.length)] + " Care Home, " + p.name() + " " + (i + 1),
                        "adult_social_care",
                        placeId);
            }
            insertOrganisation(ics, p.name() + " Opticians", "optometry", placeId);
            insertOrganisation(ics, p.name() + " Children's Services", "childrens_services", placeId);
        }
        insertOrganisation(ics, "Northmoor Teaching Hospitals NHS Foundation Trust", "acute", null);
        insertOrganisation(ics, "Vale and Eastwold Hospitals NHS Trust", "acute", null);
        insertOrganisation(ics, "Northmoor and Vale Community Health NHS Trust", "community", null);
        insertOrganisation(ics, "Moorland Partnership NHS Foundation Trust", "mental_health", null);
        insertOrganisation(ics, "Middle Shires Ambulance Service NHS Trust", "ambulance", null);
        insertOrganisation(ics, "NHS Northmoor and Vale Integrated Care Board", "icb", null);
        insertOrganisation(ics, "University of Northmoor", "education", null);
        insertOrganisation(ics, "Ashby Independent Treatment Centre", "independent", null);
        event.partLoaded();
    }

    /**
     * A neighbourhood formed after the register was drawn up, with no forum yet, so that the demo shows
     * the gap a list of forums cannot: a neighbourhood nobody speaks for at the board. It is added after
     * the register (which gives every neighbourhood it finds a team) and before the self-assessment
     * cites the figures.
     */
    @EventListener
    @Order(3)
    void afterTheRegister(DemoIcsCreated event) {
        jdbc.sql("""
                        insert into neighbourhood (ics_id, place_id, name, population)
                        select ?, id, ?, ? from place where ics_id = ? and name = ?""")
                .params(
                        event.tenant().id(),
                        NEW_NEIGHBOURHOOD,
                        31_500,
                        event.tenant().id(),
                        "Vale of Ashby")
                .update();
    }

    /** Named from the areas the other neighbourhoods leave unused. */
    static final String NEW_NEIGHBOURHOOD = "Redhill and Vale of Ashby PCN";

    private void insertOrganisation(long ics, String name, String sector, @Nullable Long placeId) {
        jdbc.sql("insert into organisation (ics_id, name, sector, place_id) values (?, ?, ?, ?) on conflict do nothing")
                .param(ics)
                .param(name)
                .param(sector)
                .param(placeId)
                .update();
    }

    private long insert(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
