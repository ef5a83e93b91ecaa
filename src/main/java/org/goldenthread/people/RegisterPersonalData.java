package org.goldenthread.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.DataSubjects;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PersonalData;
import org.goldenthread.structure.Sector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's part in people's data rights: their entry and their appointments. Erased last of
 * all, since every other module's rows point at the person; the row stays, with nothing left in it
 * that names them, so that appointments and what else figures count keep someone to belong to.
 * Profession, sector, career stage and the employer's ODS code stay for those figures; name,
 * reference, email, registration number and the employer as written go.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RegisterPersonalData implements PersonalData, DataSubjects {

    private final Register register;
    private final Professions professions;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterPersonalData(Register register, Professions professions, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.professions = professions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<DataSubject> find(long personId) {
        if (erasedOn(personId).isPresent()) {
            return Optional.empty();
        }
        Person p = register.people(List.of(personId)).get(personId);
        if (p == null) {
            return Optional.empty();
        }
        List<Long> seats = register.appointmentsOf(personId).stream()
                .map(Appointment::seatId)
                .distinct()
                .toList();
        return Optional.of(
                new DataSubject(p.id(), p.personRef(), p.givenName(), p.familyName(), p.email(), List.of(), seats));
    }

    @Override
    public Optional<LocalDate> erasedOn(long personId) {
        return jdbc.sql("select erased_on from person where id = :id and erased_on is not null")
                .param("id", personId)
                .query(LocalDate.class)
                .optional();
    }

    @Override
    public List<Long> lastAppointmentEndedBefore(LocalDate day) {
        return jdbc.sql("""
                        select p.id from person p
                         where p.erased_on is null
                           and exists (select from appointment a where a.person_id = p.id)
                           and not exists (select from appointment a where a.person_id = p.id
                                              and (a.end_date is null or a.end_date >= :day))
                         order by p.id""").param("day", day).query(Long.class).list();
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        Person p = register.person(subject.personId());
        Map<String, String> sectors = Coded.labels(Sector.class);
        Map<String, String> stages = Coded.labels(CareerStage.class);
        Map<String, String> routes = Coded.labels(Route.class);
        String profession = professions.all().stream()
                .filter(x -> x.code().equals(p.profession()))
                .map(Profession::name)
                .findFirst()
                .orElse(p.profession());
        Section entry = new Section(
                "Leadership register",
                "Who leads in the ICS's forums, kept by the ICS to plan its leadership.",
                List.of(PersonalData.entry(
                        "Reference", p.personRef(),
                        "Given name", p.givenName(),
                        "Family name", p.familyName(),
                        "Email", p.email(),
                        "Profession", profession,
                        "Registration number", p.registrationNumber(),
                        "Employer", p.employer(),
                        "Employer's ODS code", p.employerOds(),
                        "Sector", p.sector() == null ? null : sectors.getOrDefault(p.sector(), p.sector()),
                        "Career stage",
                                p.careerStage() == null
                                        ? null
                                        : stages.getOrDefault(p.careerStage(), p.careerStage()))));
        Section appointments = new Section(
                "Appointments",
                "The seats they have held, with the time agreed for each and the time used.",
                register.appointmentsOf(subject.personId()).stream()
                        .map(a -> PersonalData.entry(
                                "Forum", a.forum(),
                                "Seat", a.seat(),
                                "From", Dates.day(a.startDate()),
                                "Until", a.endDate() == null ? "" : Dates.day(a.endDate()),
                                "Route", a.route() == null ? null : routes.getOrDefault(a.route(), a.route()),
                                "Protected hours a week", a.protectedHoursPerWeek(),
                                "Hours used a week", a.hoursUsedPerWeek(),
                                "Funded by", a.fundedBy(),
                                "Backfilled", a.backfilled() == null ? null : a.backfilled() ? "Yes" : "No"))
                        .toList());
        return List.of(entry, appointments);
    }

    @Override
    public void erase(DataSubject subject) {
        jdbc.sql("""
                        update person
                           set person_ref = 'erased-' || id, given_name = 'Erased', family_name = 'person',
                               email = null, registration_number = null, employer = null,
                               erased_on = :today
                         where id = :id""")
                .param("id", subject.personId())
                .param("today", LocalDate.now(clock))
                .update();
    }
}
