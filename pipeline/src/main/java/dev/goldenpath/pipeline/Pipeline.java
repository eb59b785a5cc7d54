package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.extension.PlatformGenerator;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.pipeline.Renders.PolicyFailure;
import dev.goldenpath.pipeline.Renders.RenderFailure;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.tree.RenderedTree;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The goldenpath pipeline, the one the command line and the Maven plugin call: discover the platform specs, configure
 * the renderer (sealing, previous render, policy, generators), render every platform collecting every problem. One configured, immutable object (every method
 * returns a new one) with terminal calls, {@link #load()} and {@link #render()}; {@link Checkout} diffs a rendered
 * tree through the publisher's dry run and {@link Publication} publishes it.
 *
 * <pre>{@code
 * Renders renders = Pipeline.classPath(List.of(classes), Pipeline.class.getClassLoader())
 *     .specs(List.of("com.acme.AcmeSpec"))                 // default: every spec listed for ServiceLoader
 *     .sealingCertificate("production", Path.of("certs/production.pem"))
 *     .previous(platform -> TreeFolders.read(out.resolve(platform.name())))   // unchanged secrets keep their ciphertext
 *     .render();
 * if (renders.passed()) {
 *     RenderedPlatform acme = renders.single();
 *     Publication.of(acme.platform()).publish(acme.rendering().tree());
 * }
 * }</pre>
 *
 * <p>Specs and platform generators ({@code META-INF/services/dev.goldenpath.generators.extension.PlatformGenerator})
 * are found on the same class path. With {@link #classPath}, the specs' class loader is closed after they are built;
 * the generators' stays open, as they run during the render and may load classes of theirs only then.
 */
public final class Pipeline {

    /** What a pipeline is configured with; copied on every change, so a pipeline never changes. */
    private static final class Options extends Settings<Options> {
        List<URL> classPath = List.of();
        ClassLoader parent;
        ClassLoader loader;
        List<String> specs = List.of();
        String platform;
        Function<String, String> variables = System::getenv;
        Map<String, Path> certificates = Map.of();
        Path sealingKeyFile;
        Linter policy;
        Function<Platform, RenderedTree> previous = platform -> RenderedTree.empty();
        List<PlatformGenerator> generators = List.of();
    }

    private final Options settings;

    private Pipeline(Options settings) {
        this.settings = settings;
    }

    private Pipeline with(Consumer<Options> change) {
        return new Pipeline(settings.with(change));
    }

    /** Specs and generators found through {@code loader} (ServiceLoader, or the classes named in {@link #specs}). */
    /**
     * The files the secrets of {@code platform} are sealed from at render time ({@code sealed(..).fromFile(..)}), as
     * the spec names them: what a render reads besides its classes and certificates ({@code render --watch} watches
     * them too).
     */
    public static List<String> secretFiles(Platform platform) {
        return Sealing.files(platform);
    }

    public static Pipeline classLoader(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Options settings = new Options();
        settings.loader = loader;
        return new Pipeline(settings);
    }

    /**
     * Specs and generators found in these jars and class folders (a user's compiled project), loaded with
     * {@code parent} as the parent class loader (the one holding goldenpath itself).
     */
    public static Pipeline classPath(List<URL> classPath, ClassLoader parent) {
        Options settings = new Options();
        settings.classPath = List.copyOf(classPath);
        settings.parent = Objects.requireNonNull(parent, "parent");
        return new Pipeline(settings);
    }

    /** The spec classes to build (implementing {@code PlatformSpec}); none means every one listed for ServiceLoader. */
    public Pipeline specs(List<String> classNames) {
        List<String> names = List.copyOf(classNames);
        return with(s -> s.specs = names);
    }

    /** Only the platform with this name, when the specs define several; {@code null} for all. */
    public Pipeline platform(String name) {
        return with(s -> s.platform = name);
    }

    /**
     * Where render-time secrets ({@code sealed(..).fromEnvironment(..)}) and the sealing key variable
     * ({@code GOLDENPATH_SEALING_KEY}) are read; default: this process's environment.
     */
    public Pipeline environmentVariables(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return with(s -> s.variables = lookup);
    }

    /** The sealed-secrets controller certificate (PEM or DER file) of {@code environment}, for render-time sealing. */
    public Pipeline sealingCertificate(String environment, Path pemFile) {
        Map<String, Path> more = new LinkedHashMap<>(settings.certificates);
        more.put(Objects.requireNonNull(environment, "environment"), Objects.requireNonNull(pemFile, "pemFile"));
        return with(s -> s.certificates = Collections.unmodifiableMap(more));
    }

    /**
     * The sealing key file for repeatable ciphertext; default: the variable {@code GOLDENPATH_SEALING_KEY} when set
     * (docs/secrets.md). Used only with a {@link #sealingCertificate}.
     */
    public Pipeline sealingKey(Path file) {
        return with(s -> s.sealingKeyFile = file);
    }

    /**
     * Tightens the render-time policy check, e.g. {@code Linter.builder().requireDigest(true).build()} to refuse images
     * pinned only by tag, or {@code .failOn(Severity.WARNING)}. Tightened, never loosened: exceptions are declared in
     * the spec, with a reason.
     */
    public Pipeline policy(Linter linter) {
        Objects.requireNonNull(linter, "linter");
        return with(s -> s.policy = linter);
    }

    /**
     * A platform team's generator, run in every render after those listed for ServiceLoader on the class path
     * (docs/beyond-the-golden-path.md); e.g. one that is configured in code rather than found.
     */
    public Pipeline generator(PlatformGenerator generator) {
        Objects.requireNonNull(generator, "generator");
        List<PlatformGenerator> more = new ArrayList<>(settings.generators);
        more.add(generator);
        return with(s -> s.generators = List.copyOf(more));
    }

    /**
     * The tree each platform rendered last time: secrets sealed at render time whose values did not change keep their
     * ciphertext there. Asked only for platforms that have such secrets.
     */
    public Pipeline previous(Function<Platform, RenderedTree> lastRender) {
        Objects.requireNonNull(lastRender, "lastRender");
        return with(s -> s.previous = lastRender);
    }

    /**
     * Builds every spec, collecting the invalid ones.
     *
     * @throws PipelineException when a spec class is missing, does not fit, fails, or no spec defines the platform
     */
    public Specs load() {
        if (settings.loader != null) {
            return SpecLoader.load(settings.loader, settings.specs, settings.platform);
        }
        try (URLClassLoader specLoader = new URLClassLoader("goldenpath-specs", settings.classPath.toArray(URL[]::new),
                settings.parent)) {
            return SpecLoader.load(specLoader, settings.specs, settings.platform);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not close the specs' class loader", e);
        }
    }

    /**
     * Builds every spec and renders every valid platform with the configured renderer.
     *
     * @throws PipelineException as {@link #load()} does, and when a generator, certificate or key cannot be used
     */
    public Renders render() {
        // The generators run during the render, after the specs' own loader is closed, and may load classes of theirs
        // only then: their loader is closed once the render is over (a watch renders again and again; each render's
        // jars are let go at once, not when the collector gets to them).
        URLClassLoader generators = settings.loader != null ? null
                : new URLClassLoader("goldenpath-generators", settings.classPath.toArray(URL[]::new), settings.parent);
        try (generators) {
            return render(renderer(generators != null ? generators : settings.loader));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not close the generators' class loader", e);
        }
    }

    private Renders render(Renderer renderer) {
        Specs loaded = load();
        List<RenderedPlatform> rendered = new ArrayList<>();
        List<PolicyFailure> policyFailures = new ArrayList<>();
        List<RenderFailure> failures = new ArrayList<>();
        for (Platform built : loaded.platforms()) {
            String specClass = loaded.specClasses().get(built.name());
            try {
                RenderedTree previous = Sealing.atRenderTime(built) ? settings.previous.apply(built) : RenderedTree.empty();
                rendered.add(new RenderedPlatform(built, specClass, renderer.previous(previous).render(built)));
            } catch (PolicyViolationException e) {
                policyFailures.add(new PolicyFailure(built, specClass, e));
            } catch (RenderException e) {
                failures.add(new RenderFailure(built, specClass, e));
            }
        }
        return new Renders(rendered, loaded.invalid(), policyFailures, failures);
    }

    /** Secure defaults, the environment, the tightened policy, the sealers and the generators {@code generators} lists. */
    Renderer renderer(ClassLoader generators) {
        Renderer renderer = Renderer.secureByDefault().environmentVariables(settings.variables);
        if (settings.policy != null) {
            renderer = renderer.policy(settings.policy);
        }
        renderer = Sealing.configure(renderer, settings.certificates, Optional.ofNullable(settings.sealingKeyFile),
                settings.variables);
        try {
            renderer = renderer.generators(generators);
        } catch (IllegalArgumentException e) {
            throw new PipelineException(PipelineException.Reason.GENERATOR, e.getMessage(), e);
        }
        for (PlatformGenerator generator : settings.generators) {
            renderer = renderer.generator(generator);
        }
        return renderer;
    }
}
