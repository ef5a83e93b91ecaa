package org.goldenthread.development;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ICS's development catalogue: its offers, added and changed by ICS admins one at a time or as a
 * whole file, and retired rather than deleted once anyone has enrolled. Every change is audited,
 * and announced ({@link OfferChanged}) so that places it frees go to the offer's waitlist.
 */
@Service
public class Catalogue {

    private static final String OFFERS = """
            select o.id, o.title, o.kind, o.description, o.provider, o.scope, p.name as place, o.delivery, o.hours,
                   o.weeks, o.cost_pounds, o.paid_by, o.professions, o.profession_groups, o.career_stages, o.levels,
                   o.sectors, o.capacity, o.opens_on, o.closes_on, o.more_info_url, o.retired
              from offer o
              left join place_names() p on p.id = o.place_id""";

    private final JdbcClient jdbc;
    private final Audit audit;
    private final OfferReading reading;
    private final ApplicationEventPublisher events;

    /** An admin changed an offer, within the transaction that changed it. */
    record OfferChanged(long offerId) {}

    Catalogue(JdbcClient jdbc, Audit audit, OfferReading reading, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reading = reading;
        this.events = events;
    }

    /** Every offer, retired ones too, by title. */
    public List<Offer> offers() {
        return jdbc.sql(OFFERS + " order by lower(o.title)")
                .query(Catalogue::offer)
                .list();
    }

    public Offer offer(long id) {
        return jdbc.sql(OFFERS + " where o.id = :id")
                .param("id", id)
                .query(Catalogue::offer)
                .optional()
                .orElseThrow(() -> new NotFound("No development offer with id " + id + " in this ICS"));
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        return new Offer(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("kind"),
                rs.getString("description"),
                rs.getString("provider"),
                rs.getString("scope"),
                rs.getString("place"),
                rs.getString("delivery"),
                rs.getBigDecimal("hours"),
                rs.getObject("weeks", Integer.class),
                rs.getBigDecimal("cost_pounds"),
                rs.getString("paid_by"),
                list(rs, "professions"),
                list(rs, "profession_groups"),
                list(rs, "career_stages"),
                list(rs, "levels"),
                list(rs, "sectors"),
                rs.getObject("capacity", Integer.class),
                rs.getObject("opens_on", java.time.LocalDate.class),
                rs.getObject("closes_on", java.time.LocalDate.class),
                rs.getString("more_info_url"),
                rs.getBoolean("retired"));
    }

    private static List<String> list(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Reads and checks a description, throwing every problem at once. */
    private Offer checked(OfferDetails details) {
        List<Problem> problems = new ArrayList<>();
        Offer offer = reading.read(details, problems);
        if (offer == null || !problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return offer;
    }

    @Transactional
    public Offer add(OfferDetails details) {
        Offer offer = checked(details);
        if (idByTitle(offer.title()) != null) {
            throw new InvalidInput(
                    "title", "There is already an offer called " + offer.title() + "; give this one another title");
        }
        Offer created = offer(insert(offer));
        audit.record("offer.created", "offer", created.id(), null, created);
        return created;
    }

    @Transactional
    public Offer update(long id, OfferDetails details) {
        Offer before = offer(id);
        Offer offer = checked(details);
        Long other = idByTitle(offer.title());
        if (other != null && other != id) {
            throw new InvalidInput(
                    "title", "There is already an offer called " + offer.title() + "; give this one another title");
        }
        write(id, offer);
        Offer after = offer(id);
        audit.record("offer.updated", "offer", id, before, after);
        events.publishEvent(new OfferChanged(id));
        return after;
    }

    /** Retires an offer, or brings a retired one back: a retired offer is not found and takes no enrolments. */
    @Transactional
    public Offer retire(long id, boolean retired) {
        Offer before = offer(id);
        jdbc.sql("update offer set retired = :retired where id = :id")
                .param("retired", retired)
                .param("id", id)
                .update();
        Offer after = offer(id);
        audit.record(retired ? "offer.retired" : "offer.restored", "offer", id, before, after);
        events.publishEvent(new OfferChanged(id));
        return after;
    }

    /** Deletes an offer nobody has enrolled on; one with enrolments is retired instead (409). */
    @Transactional
    public void delete(long id) {
        Offer before = offer(id);
        boolean enrolled = jdbc.sql("select count(*) > 0 from enrolment where offer_id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (enrolled) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "People have enrolled on " + before.title() + ", so retire it rather than delete it");
        }
        jdbc.sql("delete from offer where id = :id").param("id", id).update();
        audit.record("offer.deleted", "offer", id, before, null);
    }

    /** How many offers a catalogue file added and changed. */
    public record Imported(int added, int changed, int unchanged) {}

    /**
     * Imports a whole catalogue: offers are known by title, so new titles are added and known ones
     * changed to match. Offers the file leaves out stay as they are. One problem anywhere and nothing
     * changes.
     */
    @Transactional
    public Imported importAll(List<OfferDetails> rows) {
        return importAll(rows, Progress.NONE);
    }

    /** As above, reporting the rows read, checked and stored as it goes. */
    @Transactional
    public Imported importAll(List<OfferDetails> rows, Progress progress) {
        progress.expect(rows.size());
        progress.read(rows.size());
        List<Problem> problems = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (OfferDetails row : rows) {
            Offer offer = reading.read(row, problems);
            if (offer == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(offer.title().toLowerCase(java.util.Locale.ROOT), row.row());
            if (earlier != null) {
                problems.add(
                        new Problem(row.row(), "title", "The title " + offer.title() + " is also on row " + earlier));
            } else {
                offers.add(offer);
            }
        }
        if (rows.isEmpty()) {
            problems.add(Problem.of("file", "The file holds no offers"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        progress.checked(rows.size());
        Map<String, Offer> existing = new HashMap<>();
        offers().forEach(o -> existing.put(o.title().toLowerCase(java.util.Locale.ROOT), o));
        int added = 0;
        int changed = 0;
        List<Audit.Change> changes = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        for (Offer offer : offers) {
            Offer before = existing.get(offer.title().toLowerCase(java.util.Locale.ROOT));
            if (before == null) {
                long id = insert(offer);
                changes.add(new Audit.Change("offer.created", "offer", id, null, offer.withId(id)));
                added++;
            } else if (!OfferDetails.of(before).equals(OfferDetails.of(offer))) {
                write(before.id(), offer);
                changes.add(new Audit.Change("offer.updated", "offer", before.id(), before, offer.withId(before.id())));
                changedIds.add(before.id());
                changed++;
            }
        }
        audit.recordAll(changes);
        changedIds.forEach(id -> events.publishEvent(new OfferChanged(id)));
        progress.stored(rows.size());
        return new Imported(added, changed, offers.size() - added - changed);
    }

    private @Nullable Long idByTitle(String title) {
        return jdbc.sql("select id from offer where lower(title) = lower(:title)")
                .param("title", title)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long insert(Offer o) {
        return bind(jdbc.sql("""
                        insert into offer (title, kind, description, provider, scope, place_id, delivery, hours, weeks,
                                           cost_pounds, paid_by, professions, profession_groups, career_stages, levels,
                                           sectors, capacity, opens_on, closes_on, more_info_url, retired)
                        values (:title, :kind, :description, :provider, :scope, (select id from place_names() where name = :place), :delivery, :hours, :weeks,
                                :cost, :paidBy, string_to_array(:professions, ';'), string_to_array(:groups, ';'),
                                string_to_array(:stages, ';'), string_to_array(:levels, ';'),
                                string_to_array(:sectors, ';'), :capacity, :opens, :closes, :url, :retired)
                        returning id"""), o).query(Long.class).single();
    }

    private void write(long id, Offer o) {
        bind(jdbc.sql("""
                                update offer set title = :title, kind = :kind, description = :description,
                                       provider = :provider, scope = :scope,
                                       place_id = (select id from place_names() where name = :place), delivery = :delivery,
                                       hours = :hours, weeks = :weeks, cost_pounds = :cost, paid_by = :paidBy,
                                       professions = string_to_array(:professions, ';'),
                                       profession_groups = string_to_array(:groups, ';'),
                                       career_stages = string_to_array(:stages, ';'),
                                       levels = string_to_array(:levels, ';'), sectors = string_to_array(:sectors, ';'),
                                       capacity = :capacity, opens_on = :opens, closes_on = :closes,
                                       more_info_url = :url, retired = :retired
                                 where id = :id"""), o).param("id", id).update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Offer o) {
        return sql.param("title", o.title())
                .param("kind", o.kind())
                .param("description", o.description())
                .param("provider", o.provider())
                .param("scope", o.scope())
                .param("place", o.place(), java.sql.Types.VARCHAR)
                .param("delivery", o.delivery())
                .param("hours", o.hours(), java.sql.Types.NUMERIC)
                .param("weeks", o.weeks(), java.sql.Types.INTEGER)
                .param("cost", o.costPounds())
                .param("paidBy", o.paidBy(), java.sql.Types.VARCHAR)
                .param("professions", String.join(";", o.professions()))
                .param("groups", String.join(";", o.professionGroups()))
                .param("stages", String.join(";", o.careerStages()))
                .param("levels", String.join(";", o.levels()))
                .param("sectors", String.join(";", o.sectors()))
                .param("capacity", o.capacity(), java.sql.Types.INTEGER)
                .param("opens", o.opensOn(), java.sql.Types.DATE)
                .param("closes", o.closesOn(), java.sql.Types.DATE)
                .param("url", o.moreInfoUrl(), java.sql.Types.VARCHAR)
                .param("retired", o.retired());
    }
}
