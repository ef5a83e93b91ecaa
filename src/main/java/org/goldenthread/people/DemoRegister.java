package org.goldenthread.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Neighbourhood;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.SeatDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's leadership: forums at every level with their reporting lines, and a few hundred
 * fictional leaders in their seats. It is shaped to show the patterns the insight pages look
 * for — GPs and nurses dominating, thin early-career involvement, protected time not used, place
 * seats left vacant, neighbourhood teams without a line of sight — and it goes in through the
 * register file, as an ICS's own spreadsheet would.
 */
@Component
class DemoRegister {

    private static final String[] GIVEN = {
        "Amara", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Hamza", "Isla", "Jonah", "Kiran", "Leah", "Marcus",
        "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wes", "Yasmin", "Zack", "Aoife",
        "Bilal", "Cerys", "Dara", "Efe", "Femi", "Gita", "Hugo", "Ines", "Jai", "Kemi", "Luca", "Maya", "Nico", "Orla"
    };
    private static final String[] FAMILY = {
        "Ashdown",
        "Brennan",
        "Castell",
        "Dunmore",
        "Ellery",
        "Fairlie",
        "Garside",
        "Holbrook",
        "Ingram",
        "Jessop",
        "Kerslake",
        "Lowther",
        "Mabey",
        "Northcott",
        "Okafor",
        "Pengelly",
        "Quayle",
        "Rudd",
        "Saltmarsh",
        "Trelawny",
        "Underwood",
        "Varley",
        "Wainwright",
        "Yeo",
        "Zeller",
        "Abara",
        "Bhatt",
        "Chaudry",
        "Desai",
        "Eze",
        "Fofana",
        "Gill",
        "Hussain",
        "Iqbal",
        "Jama",
        "Kaur",
        "Lim",
        "Mensah",
        "Nwosu",
        "Osei"
    };

    private final RegisterFile file;
    private final IcsMap map;
    private final Forums forums;
    private final Professions professions;
    private final Clock clock;

    DemoRegister(RegisterFile file, IcsMap map, Forums forums, Professions professions, Clock clock) {
        this.file = file;
        this.map = map;
        this.forums = forums;
        this.professions = professions;
        this.clock = clock;
    }

    @EventListener
    @Order(2)
    void on(DemoIcsCreated event) {
        Builder builder = new Builder(map.places(), map.neighbourhoods(), professions, LocalDate.now(clock));
        file.importRows(builder.rows(), false);
        // the register file does not carry the professions a seat is open to, so they are set apart
        List<SeatDetails> named = forums.seats().stream()
                .filter(s -> !s.professionallyAgnostic())
                .filter(s -> builder.openTo.containsKey(Forums.seatKey(s.forum(), s.title())))
                .map(s -> new SeatDetails(
                        s.forum(),
                        s.title(),
                        s.seatType(),
                        false,
                        null,
                        List.of(builder.openTo.get(Forums.seatKey(s.forum(), s.title()))),
                        null))
                .toList();
        forums.merge(List.of(), named);
        event.partLoaded();
    }

    /** Builds the demo register's rows, deterministically. */
    static final class Builder {

        private final Random random = new Random(20210901L);
        private final List<List<String>> rows = new ArrayList<>();
        private final List<Place> places;
        private final List<Neighbourhood> neighbourhoods;
        private final Professions professions;
        private final Map<String, List<String>> peopleByProfession = new HashMap<>();
        private final Map<String, String[]> people = new HashMap<>();
        private final Map<String, Integer> seatsHeld = new HashMap<>();
        /** The profession each filled seat meant for particular professions is open to, by seat key. */
        final Map<String, String> openTo = new HashMap<>();

        private final LocalDate today;
        private int nextRef = 1;

        Builder(List<Place> places, List<Neighbourhood> neighbourhoods, Professions professions, LocalDate today) {
            this.places = places;
            this.neighbourhoods = neighbourhoods;
            this.professions = professions;
            this.today = today;
        }

        List<List<String>> rows() {
            rows.add(RegisterFile.COLUMNS);
            String board = "ICB Board";
            String council = "Clinical and Care Professional Leadership Council";
            forum("system", null, null, board, "board", "decides", null, new String[][] {
                {"Chair", "chair", "manager"},
                {"Chief Medical Officer", "clinical_lead", "medical_consultant"},
                {"Chief Nursing Officer", "professional_lead", "nurse_adult"},
                {"Partner member for primary care", "member", "gp"},
                {"Partner member for local authorities", "member", "social_worker_adults"},
                {"Director of Public Health", "member", "public_health_consultant"},
                {"Non-executive member 1", "lay_member", "manager"},
                {"Non-executive member 2", "lay_member", "manager"}
            });
            forum("system", null, null, council, "professional_council", "advises", board, new String[][] {
                {"Chair", "chair", "gp"},
                {"Medical lead", "professional_lead", "medical_consultant"},
                {"Nursing lead", "professional_lead", "nurse_adult"},
                {"Midwifery lead", "professional_lead", "midwife"},
                {"Allied health professions lead", "professional_lead", "physiotherapist"},
                {"Pharmacy lead", "professional_lead", "pharmacist"},
                {"Social work lead", "professional_lead", "social_worker_adults"},
                {"Psychological professions lead", "professional_lead", "clinical_psychologist"},
                {"Healthcare science lead", "professional_lead", "healthcare_scientist"},
                {"Dental lead", "professional_lead", null},
                {"Optometry lead", "professional_lead", null},
                {"Early career representative", "member", "nurse_mental_health:early"},
                {"Expert by experience 1", "expert_by_experience", "expert_by_experience"},
                {"Expert by experience 2", "expert_by_experience", null}
            });
            forum("system", null, null, "System Quality Committee", "committee", "assures", board, new String[][] {
                {"Chair", "chair", "gp"}, {"Nursing member", "member", "nurse_adult"},
                {"Medical member", "member", "medical_consultant"}, {"Patient safety specialist", "member", "gp"},
                {"Lay member", "lay_member", "manager"}
            });
            forum(
                    "system",
                    null,
                    null,
                    "Population Health and Inequalities Committee",
                    "committee",
                    "recommends",
                    board,
                    new String[][] {
                        {"Chair", "chair", "public_health_consultant"},
                        {"GP member", "member", "gp"},
                        {"Nursing member", "member", "nurse_adult"},
                        {"Community voice", "expert_by_experience", null}
                    });
            forum("system", null, null, "Clinical Senate", "senate", "advises", council, new String[][] {
                {"Chair", "chair", "medical_consultant"}, {"Senate member 1", "member", "gp"},
                {"Senate member 2", "member", "medical_consultant"}, {"Senate member 3", "member", "gp"},
                {"Senate member 4", "member", "nurse_adult"}, {"Senate member 5", "member", "paramedic"}
            });
            forum(
                    "provider_collaborative",
                    null,
                    null,
                    "Mental Health, Learning Disability and Autism Collaborative",
                    "board",
                    "decides",
                    board,
                    new String[][] {
                        {"Chair", "chair", "medical_consultant"},
                        {"Nursing director", "professional_lead", "nurse_mental_health"},
                        {"Psychology lead", "professional_lead", "clinical_psychologist"},
                        {"Lived experience lead", "expert_by_experience", "expert_by_experience"}
                    });
            forum(
                    "clinical_network",
                    null,
                    null,
                    "Cancer Alliance Clinical Board",
                    "board",
                    "advises",
                    null,
                    new String[][] {
                        {"Clinical director", "clinical_lead", "medical_consultant"},
                        {"Nurse consultant", "member", "nurse_adult"},
                        {"Radiography lead", "member", "radiographer"}
                    });
            forum(
                    "clinical_network",
                    null,
                    null,
                    "Stroke Network",
                    "network",
                    "advises",
                    "System Quality Committee",
                    new String[][] {
                        {"Clinical lead", "clinical_lead", "medical_consultant"},
                        {"Therapy lead", "member", "speech_language_therapist"},
                        {"Paramedic lead", "member", "paramedic"}
                    });
            int p = 0;
            for (Place place : places) {
                String partnership = place.name() + " Place Partnership Board";
                String group = place.name() + " Clinical and Care Leadership Group";
                boolean drained = p == 1 || p == 3;
                forum("place", place.name(), null, partnership, "board", "decides", board, new String[][] {
                    {"Chair", "chair", "manager"},
                    {"GP lead", "clinical_lead", "gp"},
                    {"Nursing lead", "professional_lead", "nurse_adult"},
                    {"Allied health professions lead", "professional_lead", drained ? null : "occupational_therapist"},
                    {"Social care lead", "professional_lead", "social_worker_adults"},
                    {"Public health lead", "member", "public_health_consultant"},
                    {"Expert by experience", "expert_by_experience", p % 2 == 0 ? "expert_by_experience" : null}
                });
                forum("place", place.name(), null, group, "committee", "advises", partnership, new String[][] {
                    {"Chair", "chair", "gp"},
                    {"GP member", "member", "gp"},
                    {"Nurse member", "member", "nurse_adult:mid"},
                    {"Pharmacy member", "member", drained ? null : "pharmacist"},
                    {"Mental health member", "member", drained ? null : "nurse_mental_health:early"},
                    {"Children's services member", "member", "social_worker_children"}
                });
                int n = 0;
                for (Neighbourhood hood : neighbourhoods) {
                    if (!hood.place().equals(place.name())) {
                        continue;
                    }
                    boolean orphan = n == 3 && p < 4;
                    forum(
                            "neighbourhood",
                            place.name(),
                            hood.name(),
                            hood.name().replace(" PCN", "") + " Neighbourhood Team",
                            "working_group",
                            "recommends",
                            orphan ? null : group,
                            new String[][] {
                                {"Clinical director", "clinical_lead", "gp"},
                                {"Nursing lead", "member", (n % 2 == 0 ? "nurse_adult" : "nursing_associate") + ":early"
                                },
                                {"Pharmacist", "member", n % 3 == 0 ? null : "pharmacist:mid"},
                                {
                                    "Social prescribing and care lead",
                                    "member",
                                    n % 2 == 1 ? null : "care_professional_other:mid"
                                }
                            });
                    n++;
                }
                p++;
            }
            // people between appointments, kept on the register for the talent pool
            for (int i = 0; i < 12; i++) {
                String[] person =
                        person(i % 2 == 0 ? "physiotherapist" : "nurse_children", i % 3 == 0 ? "early" : "mid");
                rows.add(personOnly(person));
            }
            return rows;
        }

        private void forum(
                String level,
                @Nullable String place,
                @Nullable String neighbourhood,
                String name,
                String kind,
                String rights,
                @Nullable String reportsTo,
                String[][] seats) {
            for (String[] seat : seats) {
                List<String> row = new ArrayList<>(java.util.Collections.nCopies(RegisterFile.COLUMNS.size(), ""));
                set(row, "level", level);
                set(row, "place", place);
                set(row, "neighbourhood", neighbourhood);
                set(row, "forum", name);
                set(row, "forum_kind", kind);
                set(row, "decision_rights", rights);
                set(row, "reports_to", reportsTo);
                set(row, "seat", seat[0]);
                set(row, "seat_type", seat[1]);
                set(
                        row,
                        "professionally_agnostic",
                        String.valueOf(seat[1].equals("chair") || seat[1].equals("lay_member")));
                if (seat[2] != null && !seat[1].equals("chair") && !seat[1].equals("lay_member")) {
                    openTo.put(Forums.seatKey(name, seat[0]), seat[2].split(":")[0]);
                }
                if (seat[2] == null) {
                    // most vacancies have a history: someone held the seat and left on a real date
                    if (random.nextInt(4) != 0) {
                        String[] before = person(FORMER_HOLDERS[random.nextInt(FORMER_HOLDERS.length)], "senior");
                        LocalDate left = today.minusDays(20 + random.nextInt(400));
                        rows.add(appointment(
                                row, before, left.minusYears(2).minusDays(random.nextInt(300)), left, "nomination"));
                    } else {
                        rows.add(row);
                    }
                    continue;
                }
                String[] wanted = seat[2].split(":");
                String stage = wanted.length > 1 ? wanted[1] : level.equals("system") ? "senior" : null;
                boolean busy = level.equals("system") || level.equals("provider_collaborative");
                String[] person = busy && random.nextInt(3) == 0 ? reuse(wanted[0]) : null;
                if (person == null) {
                    person = person(wanted[0], stage);
                }
                seatsHeld.merge(person[0], 1, Integer::sum);
                // an earlier holder, so the register has history
                if (random.nextInt(4) == 0) {
                    String[] before = person(wanted[0], "senior");
                    LocalDate start = today.minusYears(4).minusDays(random.nextInt(300));
                    rows.add(appointment(
                            row, before, start, today.minusYears(1).minusDays(random.nextInt(200)), "nomination"));
                }
                LocalDate start = today.minusDays(60 + random.nextInt(900));
                rows.add(appointment(
                        row,
                        person,
                        start,
                        null,
                        new String[] {"open_recruitment", "nomination", "election", "ex_officio"}[random.nextInt(4)]));
            }
        }

        /** Professions of the people who held seats that are vacant now. */
        private static final String[] FORMER_HOLDERS = {
            "nurse_adult",
            "gp",
            "pharmacist",
            "social_worker_adults",
            "physiotherapist",
            "paramedic",
            "occupational_therapist"
        };

        private String @Nullable [] reuse(String profession) {
            List<String> refs = peopleByProfession.getOrDefault(profession, List.of());
            return refs.isEmpty() ? null : people.get(refs.get(random.nextInt(refs.size())));
        }

        private List<String> appointment(
                List<String> seatRow, String[] person, LocalDate start, @Nullable LocalDate end, String route) {
            List<String> row = new ArrayList<>(seatRow);
            fillPerson(row, person);
            set(row, "start_date", start.toString());
            set(row, "end_date", end == null ? null : end.toString());
            set(row, "route", route);
            String level = row.get(RegisterFile.COLUMNS.indexOf("level"));
            int agreed = level.equals("neighbourhood")
                    ? 2 + random.nextInt(3)
                    : level.equals("place") ? 3 + random.nextInt(4) : 4 + random.nextInt(5);
            set(row, "protected_hours_per_week", String.valueOf(agreed));
            // time actually used: often less than agreed, worst at neighbourhood level
            double share =
                    level.equals("neighbourhood") ? 0.3 + random.nextDouble() * 0.7 : 0.6 + random.nextDouble() * 0.5;
            set(row, "hours_used_per_week", String.valueOf(Math.round(agreed * share * 2) / 2.0));
            return row;
        }

        private List<String> personOnly(String[] person) {
            List<String> row = new ArrayList<>(java.util.Collections.nCopies(RegisterFile.COLUMNS.size(), ""));
            fillPerson(row, person);
            return row;
        }

        private static void fillPerson(List<String> row, String[] person) {
            for (int i = 0; i < 10; i++) {
                row.set(i, person[i] == null ? "" : person[i]);
            }
        }

        private static void set(List<String> row, String column, @Nullable String value) {
            row.set(RegisterFile.COLUMNS.indexOf(column), value == null ? "" : value);
        }

        private String[] person(String profession, @Nullable String stage) {
            String ref = String.format("NV%04d", nextRef++);
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String careerStage = stage != null
                    ? stage
                    : new String[] {"early", "mid", "mid", "senior", "senior", "senior"}[random.nextInt(6)];
            String sector = switch (profession) {
                case "gp", "nursing_associate" -> "general_practice";
                case "pharmacist" -> "community_pharmacy";
                case "social_worker_adults", "care_professional_other" -> "adult_social_care";
                case "social_worker_children" -> "childrens_services";
                case "public_health_consultant" -> "public_health";
                case "nurse_mental_health", "clinical_psychologist" -> "mental_health";
                case "paramedic" -> "ambulance";
                case "manager" -> "icb";
                case "expert_by_experience" -> "vcse";
                default -> "acute";
            };
            String employer = switch (sector) {
                case "general_practice" -> "Riverside Surgery";
                case "community_pharmacy" -> "Oakfield Pharmacy";
                case "adult_social_care", "childrens_services", "public_health" -> "Northmoor City Council";
                case "mental_health" -> "Moorland Partnership NHS Foundation Trust";
                case "ambulance" -> "Middle Shires Ambulance Service NHS Trust";
                case "icb" -> "NHS Northmoor and Vale Integrated Care Board";
                case "vcse" -> "Northmoor Council for Voluntary Service";
                default -> "Northmoor Teaching Hospitals NHS Foundation Trust";
            };
            String[] person = {
                ref,
                given,
                family,
                (given + "." + family + nextRef).toLowerCase(Locale.ROOT) + "@example.nhs.uk",
                profession,
                registrationNumber(profession),
                employer,
                null,
                sector,
                profession.equals("expert_by_experience") ? null : careerStage
            };
            people.put(ref, person);
            peopleByProfession
                    .computeIfAbsent(profession, k -> new ArrayList<>())
                    .add(ref);
            return person;
        }

        private @Nullable String registrationNumber(String code) {
            Profession profession = professions.find(code).orElseThrow();
            String pattern = profession.registrationPattern();
            if (pattern == null) {
                return null;
            }
            String digits = String.format("%07d", random.nextInt(10_000_000));
            return switch (pattern) {
                case "^\\d{7}$" -> digits;
                case "^\\d{1,6}$" -> digits.substring(1);
                case "^\\d{2}[A-Z]\\d{4}[A-Z]$" ->
                    digits.substring(0, 2)
                            + (char) ('A' + random.nextInt(26))
                            + digits.substring(2, 6)
                            + (char) ('A' + random.nextInt(26));
                default -> {
                    String prefix = pattern.replaceAll("^\\^\\(?([A-Z]+).*$", "$1");
                    yield prefix + digits.substring(2);
                }
            };
        }
    }
}
