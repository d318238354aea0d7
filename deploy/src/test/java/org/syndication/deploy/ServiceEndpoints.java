package org.syndication.deploy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The HTTP endpoints a service declares, read from its source: JAX-RS resource methods (class {@code @Path} +
 * method {@code @Path} + HTTP method annotation) and Vert.x {@code Router} routes. Read from the code, so the list
 * cannot drift from what the service serves.
 *
 * <p>An endpoint is <b>operator</b> API when its resource is one of {@link #OPERATOR_RESOURCES} (protected by the
 * service's bearer token today) or carries a Jakarta/Quarkus security annotation: it is called by operators from
 * inside the cluster, never by readers, so it must not be published. Everything else is public.
 */
final class ServiceEndpoints {

    /**
     * Resources that are operator API, per service. feed-service: {@code DigestApiResource}
     * ({@code POST /api/digests/...}) issues a digest to every subscriber and previews unpublished digests; it
     * takes the operator token and is reached with {@code kubectl port-forward}.
     */
    static final Map<String, Set<String>> OPERATOR_RESOURCES = Map.of("feed-service", Set.of("DigestApiResource"));

    /** Annotations that make a resource class or method need an authenticated caller. */
    private static final Set<String> SECURED = Set.of("RolesAllowed", "Authenticated", "PermissionsAllowed", "DenyAll");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS");
    private static final Set<String> ROUTER_METHODS = Set.of("route", "get", "post", "put", "delete", "head", "patch");

    /**
     * One endpoint.
     *
     * @param method     the HTTP method, {@code *} for a Vert.x route without one in its call
     * @param path       the path template, {@code {name}} for a parameter
     * @param declaredIn the class that declares it, for messages
     * @param operator   whether it is operator API (not to be published)
     */
    record Endpoint(String method, String path, String declaredIn, boolean operator) {

        /** A concrete path this endpoint answers: every parameter replaced by one segment. */
        String example() {
            return path.replaceAll("\\{[^}]*}", "x");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + declaredIn + (operator ? ", operator" : "") + ")";
        }
    }

    private ServiceEndpoints() {
    }

    /** The endpoints of a service module next to deploy/, from every class of its main sources. */
    static List<Endpoint> of(String service) {
        Path sources = Manifests.moduleDir().resolveSibling(service).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            throw new IllegalStateException("no " + sources + ": deploy/ expects a module per service next to it");
        }
        Set<String> operatorResources = OPERATOR_RESOURCES.getOrDefault(service, Set.of());
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                endpoints.addAll(parse(Files.readString(file), operatorResources));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }

    /** The endpoints declared in one Java source file. */
    static List<Endpoint> parse(String source, Set<String> operatorResources) {
        ParseResult<CompilationUnit> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        CompilationUnit unit = parsed.getResult().filter(u -> parsed.isSuccessful())
                .orElseThrow(() -> new IllegalStateException("cannot parse: " + parsed.getProblems()));
        List<Endpoint> endpoints = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            String name = type.getNameAsString();
            boolean operatorClass = operatorResources.contains(name) || secured(type);
            String classPath = stringValue(annotation(type, "Path"), type).orElse("");
            for (MethodDeclaration method : type.getMethods()) {
                Optional<String> verb = method.getAnnotations().stream().map(ServiceEndpoints::simpleName)
                        .filter(HTTP_METHODS::contains).findFirst();
                if (verb.isEmpty()) {
                    continue;
                }
                String methodPath = stringValue(annotation(method, "Path"), type).orElse("");
                endpoints.add(new Endpoint(verb.get(), join(classPath, methodPath), name,
                        operatorClass || secured(method)));
            }
            for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
                if (ROUTER_METHODS.contains(call.getNameAsString()) && call.getArguments().size() == 1
                        && call.getArgument(0) instanceof StringLiteralExpr literal && literal.asString().startsWith("/")) {
                    String verb = call.getNameAsString().equals("route") ? "*" : call.getNameAsString().toUpperCase();
                    // Vert.x writes a path parameter as :name
                    String path = literal.asString().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
                    endpoints.add(new Endpoint(verb, join(path, ""), name, operatorClass));
                }
            }
        }
        return endpoints;
    }

    private static boolean secured(NodeWithAnnotations<?> node) {
        return node.getAnnotations().stream().map(ServiceEndpoints::simpleName).anyMatch(SECURED::contains);
    }

    private static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, String simpleName) {
        return node.getAnnotations().stream().filter(a -> simpleName(a).equals(simpleName)).findFirst();
    }

    private static String simpleName(AnnotationExpr annotation) {
        return annotation.getName().getIdentifier();
    }

    /** The value of an annotation: a string literal, or a constant of the same class that holds one. */
    private static Optional<String> stringValue(Optional<AnnotationExpr> annotation, ClassOrInterfaceDeclaration type) {
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        Expression value = null;
        if (annotation.get() instanceof SingleMemberAnnotationExpr single) {
            value = single.getMemberValue();
        } else if (annotation.get() instanceof NormalAnnotationExpr normal) {
            value = normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                    .map(MemberValuePair::getValue).findFirst().orElse(null);
        }
        if (value instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (value != null && value.isNameExpr()) {
            String constant = value.asNameExpr().getNameAsString();
            Optional<String> resolved = type.getFields().stream().map(FieldDeclaration::getVariables)
                    .flatMap(List::stream).filter(v -> v.getNameAsString().equals(constant))
                    .map(VariableDeclarator::getInitializer).flatMap(Optional::stream)
                    .filter(Expression::isStringLiteralExpr).map(e -> e.asStringLiteralExpr().asString()).findFirst();
            if (resolved.isPresent()) {
                return resolved;
            }
        }
        throw new IllegalStateException("cannot read the path of " + annotation.get() + " in " + type.getNameAsString()
                + ": use a string literal or a constant of the same class");
    }

    private static String join(String first, String second) {
        String joined = Stream.of(first, second).map(s -> s.replaceAll("^/+|/+$", "")).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + "/" + b).orElse("");
        return "/" + joined;
    }
}
