package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What every page's header needs: who is signed in, which ICS is in view, and where they can go.
 *
 * <p>An interceptor rather than a {@code @ModelAttribute} advice: Spring looks up an advice's
 * applicability by annotation and builds its invocable method on every request, API calls
 * included, which have no header. Here an API call costs a path check. The header is worked out
 * before the handler runs, as the advice did, and given to the view only where the handler did not
 * name the same attribute itself; a redirect gets none, as the advice's never reached a redirect's
 * model either.
 */
@Component
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

    private static final String LAYOUT = LayoutModel.class.getName() + ".attributes";

    private final List<Navigation> navigation;

    LayoutModel(List<Navigation> navigation) {
        this.navigation = navigation;
    }

    /** After the access check, so a refused call works nothing out. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod && !isApi(request)) {
            request.setAttribute(LAYOUT, attributes(request.getRequestURI()));
        } else {
            // an error dispatch keeps the request's attributes: no header left from a page before it
            request.removeAttribute(LAYOUT);
        }
        return true;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null || isRedirect(view) || !(request.getAttribute(LAYOUT) instanceof Map<?, ?> attributes)) {
            return;
        }
        Map<String, Object> model = view.getModel();
        attributes.forEach((name, value) -> {
            if (!model.containsKey((String) name)) {
                model.put((String) name, value);
            }
        });
    }

    private Map<String, @Nullable Object> attributes(String path) {
        Caller caller = Scope.current().caller();
        Tenant tenant = Scope.current().tenant();
        Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
        attributes.put("caller", caller);
        attributes.put("tenant", tenant);
        attributes.put(
                "navigation",
                caller == null
                        ? List.of()
                        : navigation.stream()
                                .flatMap(n -> n.itemsFor(caller, tenant).stream())
                                .sorted(Comparator.comparingInt(NavigationItem::order))
                                .toList());
        attributes.put("currentPath", path);
        return attributes;
    }

    private static boolean isApi(HttpServletRequest request) {
        return ProblemResponses.isApi(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static boolean isRedirect(ModelAndView view) {
        String name = view.getViewName();
        return view.getView() instanceof SmartView smart
                ? smart.isRedirectView()
                : name != null && name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
    }
}
