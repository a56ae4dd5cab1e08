"""`sam build` variants: --parallel must run Maven once, not once per function at the same time
in the same target/ folders; --cached must hash the build's inputs, not .venv, target or
node_modules."""
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
import time
import unittest
import zipfile

from samcli.lib.utils.hash import dir_checksum

from template_model import ROOT, sam

# the function modules: every folder of functions/ with a pom.xml
MODULES = sorted(p.name for p in (ROOT / "functions").iterdir() if (p / "pom.xml").is_file())


def walked_files(folder):
    """The files SAM's dir_checksum reads under a CodeUri (it follows links), as real paths."""
    files = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        dirnames[:] = [d for d in dirnames if d != ".aws-sam"]
        for name in filenames:
            files.add(pathlib.Path(dirpath, name).resolve())
    return files


def build_inputs():
    """What make/sam.mk builds from: the poms, each module's src/main, the make files, the JDK finder."""
    inputs = {ROOT / "pom.xml", ROOT / "Makefile", ROOT / "make" / "sam.mk", ROOT / "scripts" / "java-home.sh",
              ROOT / "make" / "sam-inputs" / "README.md"}
    modules = [ROOT / "shared"] + sorted(p for p in (ROOT / "functions").iterdir() if (p / "pom.xml").is_file())
    for module in modules:
        inputs.add(module / "pom.xml")
        inputs.update(p for p in (module / "src" / "main").rglob("*") if p.is_file())
    return {p.resolve() for p in inputs}


class CachedBuild(unittest.TestCase):
    def code_uris(self):
        uris = set()
        for name, resource in sam()["Resources"].items():
            if resource["Type"] == "AWS::Serverless::Function":
                uris.add(resource["Properties"]["CodeUri"])
                self.assertEqual(resource["Metadata"]["ProjectRootDirectory"], ".", name)
                self.assertEqual(resource["Metadata"]["ContextPath"], ".", name)
        return uris

    def test_every_function_hashes_the_build_inputs_and_nothing_else(self):
        uris = self.code_uris()
        self.assertEqual(uris, {"make/sam-inputs"})
        walked = walked_files(ROOT / "make" / "sam-inputs")
        self.assertEqual(sorted(map(str, walked - build_inputs())), [], "walked but not an input")
        self.assertEqual(sorted(map(str, build_inputs() - walked)), [], "an input --cached would not see")
        for path in walked:
            self.assertFalse({".venv", "target", "node_modules"} & set(path.relative_to(ROOT).parts), path)

    def test_sams_own_checksum_of_the_inputs_is_quick(self):
        started = time.monotonic()
        digest = dir_checksum(str(ROOT / "make" / "sam-inputs"), ignore_list=[".aws-sam"])
        self.assertTrue(digest)
        self.assertLess(time.monotonic() - started, 30)


FAKE_MVN = """#!/bin/sh
# Records each Maven run's start and end, and whether another run was under way meanwhile.
log="$FAKE_MVN_LOG"
if [ -e "$log.running" ]; then echo overlap >> "$log"; fi
touch "$log.running"
echo start >> "$log"
sleep 1
echo end >> "$log"
rm -f "$log.running"
"""


class ParallelBuild(unittest.TestCase):
    """Runs the makefile targets as `sam build --parallel` does, each function's target in its own
    make process at the same time, on a copy of the build files with a stand-in Maven."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="sam-parallel-"))
        self.addCleanup(shutil.rmtree, self.dir)
        project = self.dir / "project"
        shutil.copytree(ROOT / "make", project / "make", ignore=shutil.ignore_patterns("sam-inputs"))
        shutil.copytree(ROOT / "scripts", project / "scripts")
        shutil.copy(ROOT / "Makefile", project / "Makefile")
        (project / "pom.xml").write_text("<project/>")
        for module in ["shared"] + [f"functions/{m}" for m in MODULES]:
            (project / module / "src" / "main").mkdir(parents=True)
            (project / module / "pom.xml").write_text("<project/>")
        for m in MODULES:
            jar = project / "functions" / m / "target" / f"{m}-function.jar"
            jar.parent.mkdir(parents=True)
            with zipfile.ZipFile(jar, "w") as z:
                z.writestr(f"org/socialdeclik/{m}/Handler.class", b"\xca\xfe\xba\xbe")
        mvn = self.dir / "mvn"
        mvn.write_text(FAKE_MVN)
        mvn.chmod(0o755)
        self.project, self.mvn, self.log = project, mvn, self.dir / "mvn.log"

    def test_targets_started_together_run_maven_once_and_all_get_their_classes(self):
        targets = {"Missions": "missions", "Profiles": "profiles", "Matching": "matching",
                   "DeferredProposals": "matching", "Notifier": "notifier", "EmailFeedback": "feedback"}
        env = dict(os.environ, FAKE_MVN_LOG=str(self.log))
        env.pop("MAKEFLAGS", None)
        results = {}

        def run(function):
            artifacts = self.dir / "artifacts" / function
            results[function] = subprocess.run(
                ["make", "--no-print-directory", f"build-{function}Function", f"ARTIFACTS_DIR={artifacts}",
                 f"MVN={self.mvn}"], cwd=self.project, env=env, capture_output=True, text=True, timeout=120)

        threads = [threading.Thread(target=run, args=(f,)) for f in targets]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

        for function, module in targets.items():
            with self.subTest(function):
                self.assertEqual(results[function].returncode, 0, results[function].stderr)
                handler = self.dir / "artifacts" / function / "org" / "socialdeclik" / module / "Handler.class"
                self.assertTrue(handler.is_file(), "the function's classes are unpacked into its artifacts folder")
        self.assertEqual(self.log.read_text().split(), ["start", "end"], "one Maven run, never two at once")


if __name__ == "__main__":
    unittest.main()
