package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Person;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The development pages everyone with a role in the ICS uses: the landing page, finding development
 * they are eligible for, an offer's page with applying, and their own enrolments.
 */
@Controller
class DevelopmentPages {

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Eligibilities eligibilities;
    private final Register register;
    private final Professions professions;
    private final DevelopmentApi api;
    private final Clock clock;

    DevelopmentPages(
            Catalogue catalogue,
            Enrolments enrolments,
            Eligibilities eligibilities,
            Register register,
            Professions professions,
            DevelopmentApi api,
            Clock clock) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.eligibilities = eligibilities;
        this.register = register;
        this.professions = professions;
        this.api = api;
        this.clock = clock;
    }

    private static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/development";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development")
    String landing(@PathVariable String ods, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "offersOpen",
                catalogue.offers().stream().filter(o -> o.isOpenOn(today)).count());
        model.addAttribute("isAdmin", DevelopmentApi.isAdmin());
        model.addAttribute(
                "oversees",
                Scope.reach(
                                Scope.currentCaller(),
                                Scope.currentTenant().id(),
                                Role.ICS_ADMIN,
                                Role.PLACE_LEAD,
                                Role.ANALYST)
                        .isPresent());
        model.addAttribute(
                "mine",
                register.personByEmail(Scope.currentCaller().email())
                        .map(p -> enrolments.ofPerson(p.id()).stream()
                                .filter(Enrolment::isActive)
                                .count())
                        .orElse(0L));
        return "development/landing";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/find")
    String find(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String everything,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String delivery,
            @RequestParam(required = false) @Nullable String free,
            @RequestParam(required = false) @Nullable String scope,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Eligibility eligibility = eligibilities.ofAccount(Scope.currentCaller().email());
        boolean filtered = eligibility.known() && !"true".equals(everything);
        Map<Long, Integer> taken = enrolments.placesTaken();
        List<Listing> listings = catalogue.offers().stream()
                .filter(o -> !o.retired())
                .filter(o -> !filtered || eligibility.fits(o))
                .filter(o -> blank(kind) || o.kind().equals(kind))
                .filter(o -> blank(delivery) || o.delivery().equals(delivery))
                .filter(o -> !"true".equals(free) || o.isFree())
                .filter(o -> blank(scope) || o.scope().equals(scope))
                .map(o -> Listing.of(o, taken.getOrDefault(o.id(), 0), today))
                .toList();
        model.addAttribute("listings", listings);
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("filtered", filtered);
        model.addAttribute("kind", kind);
        model.addAttribute("delivery", delivery);
        model.addAttribute("free", "true".equals(free));
        model.addAttribute("scope", scope);
        model.addAttribute("everything", "true".equals(everything));
        model.addAttribute("kinds", Choice.of(OfferKind.class));
        model.addAttribute("deliveries", Choice.of(Delivery.class));
        model.addAttribute("scopes", Choice.of(ProviderScope.class));
        labels(model);
        return "development/find";
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    Model labels(Model model) {
        model.addAttribute("kindLabels", Coded.labels(OfferKind.class));
        model.addAttribute("deliveryLabels", Coded.labels(Delivery.class));
        model.addAttribute("scopeLabels", Coded.labels(ProviderScope.class));
        model.addAttribute("stageLabels", Coded.labels(CareerStage.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("sectorLabels", Coded.labels(Sector.class));
        model.addAttribute("statusLabels", Coded.labels(EnrolmentStatus.class));
        model.addAttribute("professionNames", professions.names());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/offers/{id}")
    String offer(@PathVariable String ods, @PathVariable long id, Model model) {
        Offer offer = api.offer(ods, id);
        LocalDate today = LocalDate.now(clock);
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        Listing listing = Listing.of(offer, enrolments.placesTaken(id), today);
        model.addAttribute("listing", listing);
        model.addAttribute("o", offer);
        model.addAttribute("self", self);
        model.addAttribute("eligible", self == null || eligibilities.of(self).fits(offer));
        model.addAttribute(
                "enrolment",
                self == null
                        ? null
                        : enrolments.ofPerson(self.id()).stream()
                                .filter(e -> e.offerId() == id)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("isAdmin", DevelopmentApi.isAdmin());
        labels(model);
        model.addAttribute("audience", audience(offer));
        return "development/offer";
    }

    /** Who an offer is for, a line for each count it names, in words. */
    List<String> audience(Offer o) {
        List<String> lines = new java.util.ArrayList<>();
        List<String> professionWords = new java.util.ArrayList<>(o.professionGroups());
        o.professions()
                .forEach(code -> professionWords.add(
                        professions.find(code).map(p -> p.name()).orElse(code)));
        add(lines, "Professions", professionWords);
        add(lines, "Career stages", named(o.careerStages(), Coded.labels(CareerStage.class)));
        add(lines, "Levels", named(o.levels(), Coded.labels(Level.class)));
        add(lines, "Sectors", named(o.sectors(), Coded.labels(Sector.class)));
        return lines;
    }

    private static List<String> named(List<String> codes, Map<String, String> labels) {
        return codes.stream().map(c -> labels.getOrDefault(c, c)).toList();
    }

    private static void add(List<String> lines, String heading, List<String> words) {
        if (!words.isEmpty()) {
            lines.add(heading + ": " + String.join(", ", words));
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/offers/{id}/apply")
    String apply(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Enrolment e = api.apply(ods, id);
            redirect.addFlashAttribute(
                    "success",
                    e.is(EnrolmentStatus.WAITLISTED)
                            ? e.offer()
                                    + " is full, so you are on its waitlist. You will be offered the first place that comes free."
                            : "You have applied for " + e.offer() + ". An ICS administrator will confirm your place.");
            return "redirect:" + home() + "/mine";
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("failure", e.getReason());
            return "redirect:" + home() + "/offers/" + id;
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/mine")
    String mine(@PathVariable String ods, Model model) {
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        model.addAttribute("self", self);
        model.addAttribute("enrolments", self == null ? List.of() : enrolments.ofPerson(self.id()));
        labels(model);
        return "development/mine";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/mine/{id}/withdraw")
    String withdraw(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Enrolment e = api.withdrawMine(ods, id);
            redirect.addFlashAttribute("success", "You have withdrawn from " + e.offer() + ".");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("failure", e.getReason());
        }
        return "redirect:" + home() + "/mine";
    }
}
