package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The feed service's Ingress routes every public endpoint the code declares, none of its operator endpoints, and
 * nothing that leads nowhere. Paths match as Kubernetes defines it for {@code Exact} and {@code Prefix}
 * (element-wise: {@code /feeds} matches {@code /feeds/all.atom}, not {@code /feeds.opml}).
 */
final class IngressRules {

    static final String SERVICE = "feed-service";

    /** One path of an Ingress rule. */
    record Route(String host, String path, String pathType, String service, String port) {

        boolean matches(String request) {
            return switch (pathType) {
                case "Exact" -> request.equals(path);
                case "Prefix" -> {
                    String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                    yield prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
                }
                default -> false;
            };
        }

        @Override
        public String toString() {
            return host + path + " (" + pathType + ")";
        }
    }

    private IngressRules() {
    }

    /** What is wrong, one message per mistake; empty when the Ingress fits the endpoints. */
    static List<String> check(List<Resource> resources, List<ServiceEndpoints.Endpoint> endpoints) {
        List<String> problems = new ArrayList<>();
        Resource ingress = WorkloadRules.find(resources, "Ingress", SERVICE).orElse(null);
        if (ingress == null) {
            return List.of("no Ingress " + SERVICE);
        }
        List<Route> routes = routes(ingress);
        for (Route route : routes) {
            if (!route.pathType().equals("Exact") && !route.pathType().equals("Prefix")) {
                problems.add(route + ": use Exact or Prefix (ImplementationSpecific differs between controllers)");
            }
            if (!route.service().equals(SERVICE) || !route.port().equals("http")) {
                problems.add(route + " leads to " + route.service() + ":" + route.port() + ", not " + SERVICE + ":http");
            }
            if (endpoints.stream().filter(e -> !e.operator()).noneMatch(e -> route.matches(e.example()))) {
                problems.add(route + " leads to no public endpoint of " + SERVICE);
            }
        }
        for (ServiceEndpoints.Endpoint endpoint : endpoints) {
            List<Route> matching = routes.stream().filter(r -> r.matches(endpoint.example())).toList();
            if (endpoint.operator() && !matching.isEmpty()) {
                problems.add("operator endpoint " + endpoint + " is published by " + matching);
            } else if (!endpoint.operator() && matching.isEmpty()) {
                problems.add("public endpoint " + endpoint + " is not routed by " + ingress.id()
                        + ": links to it go nowhere in production");
            }
        }
        return problems;
    }

    static List<Route> routes(Resource ingress) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode service = path.path("backend").path("service");
                JsonNode port = service.path("port");
                routes.add(new Route(rule.path("host").asText(""), path.path("path").asText(),
                        path.path("pathType").asText(), service.path("name").asText(),
                        port.has("name") ? port.path("name").asText() : port.path("number").asText()));
            }
        }
        return routes;
    }
}
