package org.lectern.assignment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lectern.platform.InvalidInputException;

/**
 * A Gradescope autograder zip (setup.sh and run_autograder at its root, Python unittest/pytest test files using
 * gradescope_utils' decorators) turned into a Lectern autograder, without rewriting a file.
 *
 * <p>Lectern does not run the zip's run_autograder: in Gradescope's design the student's code and the tests share one
 * process, so a submission can write results.json itself. Lectern runs the zip's test files with its own split harness
 * instead (the student's code in a second sandbox under another uid, results written by the tests' process only), reading
 * the same decorators: {@code @weight} and {@code @partial_credit} are the tests' points, {@code @visibility} and
 * {@code @number} carry over. A zip with no test files (a run_autograder that grades some other way) is refused with a
 * sentence saying why.
 *
 * <p>setup.sh cannot run either (workers have no network when grading): its apt-get and pip lines are read, mapped to
 * the import names workers offer, and checked by the caller; anything else it would install or fetch is listed.
 */
public final class GradescopeZip {

    /**
     * What the zip becomes.
     *
     * @param files    the test files (role TEST, visibility PUBLIC, points the sum of their tests' weights) and every
     *                 other file as a SUPPORT file for the tests' side
     * @param imports  import names setup.sh needs (numpy, torch, past, ...), to be checked against the workers' offer
     * @param unmet    set-up steps Lectern cannot meet, one sentence each; the upload is refused when any
     * @param notes    what was read differently from Gradescope, for the instructor
     */
    public record Conversion(List<TestFileUpload> files, Set<String> imports, List<String> unmet, List<String> notes) {
    }

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILES = 200;
    private static final Pattern PATH = Pattern.compile("([A-Za-z0-9_.-]{1,100}/){0,8}[A-Za-z0-9_.-]{1,100}");
    private static final Pattern TEST_NAME = Pattern.compile("test[A-Za-z0-9_]*\\.py|[A-Za-z0-9_]+_test\\.py");
    private static final Pattern WEIGHT = Pattern.compile("@(?:[\\w.]*\\.)?(?:weight|partial_credit)\\(\\s*([0-9]+(?:\\.[0-9]+)?)\\s*\\)");
    private static final Pattern TEST_DEF = Pattern.compile("^\\s*(?:async\\s+)?def\\s+test\\w*\\s*\\(");
    private static final Pattern RUNNER_VISIBILITY = Pattern.compile("JSONTestRunner\\([^)]*visibility\\s*=\\s*['\"](\\w+)['\"]");
    /** Gradescope's machinery: read for its needs, not stored. */
    private static final Set<String> MACHINERY = Set.of("setup.sh", "run_autograder", "run_tests.py", "requirements.txt");

    /** pip distribution names (normalised) to the import name the workers report. */
    static final Map<String, String> PIP = Map.ofEntries(
            Map.entry("numpy", "numpy"), Map.entry("torch", "torch"), Map.entry("torchvision", "torchvision"),
            Map.entry("scipy", "scipy"), Map.entry("pandas", "pandas"), Map.entry("scikit-learn", "sklearn"),
            Map.entry("sklearn", "sklearn"), Map.entry("matplotlib", "matplotlib"), Map.entry("pytest", "pytest"),
            Map.entry("future", "past"));
    /** Provided by Lectern itself (the decorators module on the tests' side). */
    static final Set<String> PROVIDED = Set.of("gradescope-utils", "subprocess32", "pip", "setuptools", "wheel");
    /** Debian packages to the import name the workers report; python3 itself and build tools need nothing. */
    static final Map<String, String> APT = Map.ofEntries(
            Map.entry("python3-numpy", "numpy"), Map.entry("python3-torch", "torch"),
            Map.entry("python3-torchvision", "torchvision"), Map.entry("python3-scipy", "scipy"),
            Map.entry("python3-pandas", "pandas"), Map.entry("python3-sklearn", "sklearn"),
            Map.entry("python3-matplotlib", "matplotlib"), Map.entry("python3-pytest", "pytest"),
            Map.entry("python3-future", "past"));
    static final Set<String> APT_NOTHING = Set.of("python3", "python3-pip", "python3-dev", "python3-venv",
            "python3-setuptools", "python3-wheel", "python-is-python3", "build-essential");
    /** Shell words of setup.sh that change nothing the grading needs. */
    private static final Set<String> HARMLESS = Set.of("set", "cd", "echo", "mkdir", "cp", "mv", "ls", "chmod", "true",
            "export", "ln", "rm", "pwd");

    private GradescopeZip() {
    }

    public static Conversion read(byte[] zip) {
        Map<String, byte[]> entries = unzip(zip);
        List<String> problems = new ArrayList<>();
        if (!entries.containsKey("setup.sh") || !entries.containsKey("run_autograder")) {
            String hint = entries.keySet().stream().filter(p -> p.endsWith("/setup.sh") || p.endsWith("/run_autograder"))
                    .findFirst().map(p -> " (they are inside " + p.substring(0, p.lastIndexOf('/')) + "/: zip the files, not their folder)")
                    .orElse("");
            throw new InvalidInputException("A Gradescope autograder zip has setup.sh and run_autograder at its root" + hint + ".");
        }
        List<String> notes = new ArrayList<>();
        notes.add("run_autograder is not run: Lectern runs the test files itself, with the student's code in a separate sandbox, "
                + "so a submission cannot write its own results.");
        Set<String> imports = new TreeSet<>();
        List<String> unmet = new ArrayList<>();
        setupNeeds(text(entries.get("setup.sh")), entries, imports, unmet, notes);

        String runner = entries.containsKey("run_tests.py") ? text(entries.get("run_tests.py")) : "";
        Matcher visibility = RUNNER_VISIBILITY.matcher(runner);
        if (visibility.find() && !visibility.group(1).equals("visible")) {
            problems.add("run_tests.py gives every test the visibility '" + visibility.group(1) + "': Lectern reads visibility "
                    + "per test, so put @visibility(\"" + visibility.group(1) + "\") on the tests that need it and upload again.");
        }

        List<TestFileUpload> files = new ArrayList<>();
        Set<String> testNames = new LinkedHashSet<>();
        Set<String> testFolders = new TreeSet<>();
        for (String path : entries.keySet()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (TEST_NAME.matcher(name).matches() && !MACHINERY.contains(path)) {
                testFolders.add(path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "");
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String path = e.getKey();
            if (MACHINERY.contains(path)) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            if (TEST_NAME.matcher(name).matches()) {
                if (!testNames.add(name)) {
                    problems.add("Two test files are named " + name + ": Lectern keeps test files side by side; rename one.");
                    continue;
                }
                files.add(new TestFileUpload(name, e.getValue(), Visibility.PUBLIC, points(text(e.getValue())), FileRole.TEST));
            } else if (name.equals("__init__.py") && testFolders.contains(folder)) {
                continue; // the tests' package marker: the tests sit side by side in Lectern
            } else {
                // Helpers next to the tests stay next to them; anything else keeps its path.
                String target = testFolders.size() == 1 && !folder.isEmpty() && path.startsWith(testFolders.iterator().next())
                        ? path.substring(testFolders.iterator().next().length()) : path;
                files.add(new TestFileUpload(target, e.getValue(), null, null, FileRole.SUPPORT));
            }
        }
        if (testNames.isEmpty()) {
            problems.add("The zip holds no Python test files (test_*.py). Lectern runs a Gradescope autograder's unittest or pytest "
                    + "files itself and does not run a run_autograder that grades another way: in one shared sandbox a "
                    + "submission could write results.json.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        return new Conversion(files, imports, unmet, notes);
    }

    /** The file's points: each test's @weight/@partial_credit, or 1 for a test without (as an unmarked pytest test). */
    static BigDecimal points(String source) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal pending = null;
        for (String line : source.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("@")) {
                Matcher weight = WEIGHT.matcher(stripped);
                if (weight.find()) {
                    pending = new BigDecimal(weight.group(1));
                }
            } else if (TEST_DEF.matcher(line).find()) {
                total = total.add(pending == null ? BigDecimal.ONE : pending);
                pending = null;
            } else if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                pending = null;
            }
        }
        return total;
    }

    /** Reads setup.sh's apt-get and pip lines; everything else that would install or fetch goes to {@code unmet}. */
    static void setupNeeds(String script, Map<String, byte[]> entries, Set<String> imports, List<String> unmet, List<String> notes) {
        String joined = script.replace("\\\r\n", " ").replace("\\\n", " ");
        int lineNumber = 0;
        for (String rawLine : joined.split("\n")) {
            lineNumber++;
            String line = rawLine.strip();
            int comment = line.indexOf(" #");
            if (line.startsWith("#")) {
                continue;
            }
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            for (String command : line.split("&&|;|\\|\\|")) {
                List<String> words = new ArrayList<>(List.of(command.strip().split("\\s+")));
                words.removeIf(String::isEmpty);
                while (!words.isEmpty() && (words.getFirst().equals("sudo") || words.getFirst().contains("="))) {
                    words.removeFirst(); // sudo, VAR=value prefixes
                }
                if (words.isEmpty()) {
                    continue;
                }
                String tool = words.getFirst().substring(words.getFirst().lastIndexOf('/') + 1);
                if ((tool.equals("apt-get") || tool.equals("apt")) ) {
                    List<String> args = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("-")).toList();
                    if (args.isEmpty() || !args.getFirst().equals("install")) {
                        continue; // update, upgrade, clean
                    }
                    for (String pkg : args.subList(1, args.size())) {
                        String name = pkg.replaceAll("[=:].*$", "").toLowerCase(Locale.ROOT);
                        if (APT.containsKey(name)) {
                            imports.add(APT.get(name));
                        } else if (!APT_NOTHING.contains(name)) {
                            unmet.add("setup.sh line " + lineNumber + " installs the Debian package " + name
                                    + ", which Lectern's workers do not offer.");
                        }
                    }
                } else if (tool.startsWith("pip") || (tool.startsWith("python") && words.size() > 2
                        && words.get(1).equals("-m") && words.get(2).equals("pip"))) {
                    int from = tool.startsWith("pip") ? 1 : 3;
                    List<String> args = words.subList(from, words.size());
                    if (args.isEmpty() || !args.getFirst().equals("install")) {
                        continue;
                    }
                    for (int i = 1; i < args.size(); i++) {
                        String arg = args.get(i);
                        if (arg.equals("-r") || arg.equals("--requirement")) {
                            if (i + 1 < args.size()) {
                                String file = args.get(++i).replaceFirst("^/autograder/source/", "");
                                byte[] requirements = entries.get(file);
                                if (requirements == null) {
                                    unmet.add("setup.sh line " + lineNumber + " installs from " + file + ", which is not in the zip.");
                                } else {
                                    for (String requirement : text(requirements).split("\n")) {
                                        pip(requirement, "requirements " + file, imports, unmet, notes);
                                    }
                                }
                            }
                        } else if (!arg.startsWith("-")) {
                            pip(arg, "setup.sh line " + lineNumber, imports, unmet, notes);
                        }
                    }
                } else if (!HARMLESS.contains(tool)) {
                    unmet.add("setup.sh line " + lineNumber + " runs '" + String.join(" ", words)
                            + "', which Lectern does not run: workers have no network and do not run setup.sh.");
                }
            }
        }
    }

    private static void pip(String requirement, String where, Set<String> imports, List<String> unmet, List<String> notes) {
        String line = requirement.strip();
        int comment = line.indexOf('#');
        if (comment >= 0) {
            line = line.substring(0, comment).strip();
        }
        if (line.isEmpty() || line.startsWith("-")) {
            return;
        }
        String name = line.split("[<>=!~;\\[ @]", 2)[0].strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (PROVIDED.contains(name)) {
            return;
        }
        if (!PIP.containsKey(name)) {
            unmet.add(where + " needs the Python package " + name + ", which Lectern's workers do not offer.");
            return;
        }
        imports.add(PIP.get(name));
        if (!name.equals(line.toLowerCase(Locale.ROOT).replace('_', '-'))) {
            notes.add(where + " pins " + line + ": the workers' own version is used.");
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Plain files only, plain names, capped in count and size (inflated bytes counted, so a zip bomb stops early). */
    static Map<String, byte[]> unzip(byte[] bytes) {
        if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("Send the Gradescope autograder as a .zip file.");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long budget = MAX_BYTES;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String path = entry.getName().replace('\\', '/');
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    budget -= n;
                    if (budget < 0) {
                        throw new InvalidInputException("The autograder zip unpacks to more than 20 MB.");
                    }
                    out.write(buffer, 0, n);
                }
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || path.endsWith(".DS_Store") || path.contains("/__pycache__/")
                        || path.startsWith("__pycache__/") || path.endsWith(".pyc")) {
                    continue;
                }
                if (!PATH.matcher(path).matches() || List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
                    throw new InvalidInputException("'" + path + "' in the zip is not a plain name (letters, digits, '.', '_' and '-', "
                            + "in folders of the same).");
                }
                if (entries.size() == MAX_FILES) {
                    throw new InvalidInputException("The autograder zip holds more than " + MAX_FILES + " files.");
                }
                if (entries.put(path, out.toByteArray()) != null) {
                    throw new InvalidInputException("The zip holds " + path + " twice.");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("The autograder zip could not be read: " + e.getMessage());
        }
        return entries;
    }
}
