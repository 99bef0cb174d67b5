package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgebatch.models.CatalogEntry;
import org.edgebatch.models.ChecksumMismatchException;
import org.edgebatch.models.ModelCache;
import org.edgebatch.models.ModelCatalog;
import org.edgebatch.models.ModelDownloader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models list} and {@code models pull NAME}: the catalogue of downloadable models and sample clips. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Models and sample clips to download, each pinned by URL and SHA-256, into ~/.cache/edgebatch/"
                + " (or -Dedgebatch.cache=DIR), where demo and bench look after $EDGEBATCH_DATA."},
        subcommands = {ModelsCommand.ListCommand.class, ModelsCommand.PullCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the catalogue: name, kind, size, licence, and whether it is in the cache.")
    static final class ListCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CatalogOptionMixin catalogOption;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path cache = ModelCache.folder();
            for (CatalogEntry entry : catalogOption.catalog().entries()) {
                boolean cached = cache.resolve(entry.file()).toFile().isFile();
                out.printf("%-22s %-6s %5.1f MB  %s%s%n      %s%n", entry.name(), entry.kind(), entry.bytes() / 1e6,
                        entry.description(), cached ? "  [in cache]" : "", entry.licence());
            }
            out.println("Cache: " + cache);
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = {"Downloads NAME into the cache with a progress bar, continues an interrupted download, checks"
                    + " the SHA-256 and refuses (deletes) a file that differs. Exit code 2: unknown name or refused file."})
    static final class PullCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CatalogOptionMixin catalogOption;

        @Parameters(paramLabel = "NAME", description = "A name from 'edgebatch models list'.")
        String name;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            CatalogEntry entry;
            try {
                entry = catalogOption.catalog().byName(name);
            } catch (IllegalArgumentException e) {
                err.println("edgebatch models pull: " + e.getMessage());
                err.flush();
                return ExitCodes.REFUSED;
            }
            try {
                Path file = new ModelDownloader(ModelDownloader.defaultClient(), ModelCache.folder(), err).pull(entry);
                spec.commandLine().getOut().println(file);
                spec.commandLine().getOut().flush();
                return ExitCodes.COMPLETED;
            } catch (ChecksumMismatchException e) {
                err.println("edgebatch models pull: " + e.getMessage());
                err.flush();
                return ExitCodes.REFUSED;
            }
        }
    }

    /** picocli mixes options in from a class with a public no-argument constructor. */
    public static final class CatalogOptionMixin {
        @Option(names = "--catalog", paramLabel = "FILE", description = "A catalogue of your own (a mirror), same JSON shape as the built-in one.")
        Path file;

        ModelCatalog catalog() {
            return file == null ? ModelCatalog.builtIn() : ModelCatalog.read(file);
        }
    }
}
