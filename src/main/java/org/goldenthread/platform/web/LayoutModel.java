package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, which ICS is in view, and where they can go. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<Navigation> navigation;

    LayoutModel(List<Navigation> navigation) {
        this.navigation = navigation;
    }

    /**
     * One method for all of the header, called before every handler of a {@code @Controller}, which
     * includes every {@code @RestController}: an API answer has no header, so it skips the work.
     */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (ProblemResponses.isApi(path.substring(request.getContextPath().length()))) {
            return;
        }
        Caller caller = Scope.current().caller();
        Tenant tenant = Scope.current().tenant();
        model.addAttribute("caller", caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute(
                "navigation",
                caller == null
                        ? List.of()
                        : navigation.stream()
                                .flatMap(n -> n.itemsFor(caller, tenant).stream())
                                .sorted(Comparator.comparingInt(NavigationItem::order))
                                .toList());
        model.addAttribute("currentPath", path);
    }
}
