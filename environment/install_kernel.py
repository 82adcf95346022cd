"""Installs the "r1kit" Jupyter kernel: the JJava kernel of the venv with r1kit's jars on its class path.

JJava reads its class path, JVM options and startup scripts from JJAVA_* variables in the kernel
spec's env; extensions on that class path (our magics jar) are loaded through the
org.dflib.jjava.jupyter.Extension service file.
"""
import argparse
import glob
import json
import os
import shutil
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--prefix", required=True, help="the venv holding the jjava package")
    ap.add_argument("--root", required=True, help="the r1kit checkout")
    args = ap.parse_args()

    java_spec = os.path.join(args.prefix, "share", "jupyter", "kernels", "java")
    if not os.path.isfile(os.path.join(java_spec, "jjava.jar")):
        print(f"install_kernel.py: {java_spec}/jjava.jar not found: is jjava installed in {args.prefix}?",
              file=sys.stderr)
        return 1

    jars = sorted(glob.glob(os.path.join(args.root, "toolkit", "target", "r1kit-toolkit-*.jar")))
    jars += sorted(glob.glob(os.path.join(args.root, "magics", "target", "r1kit-magics-*.jar")))
    jars += sorted(glob.glob(os.path.join(args.root, "toolkit", "target", "lib", "*.jar")))
    jars = [j for j in jars if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    if len(jars) < 3:
        print("install_kernel.py: the r1kit jars are missing: build first (mvn package)", file=sys.stderr)
        return 1

    target = os.path.join(args.prefix, "share", "jupyter", "kernels", "r1kit")
    os.makedirs(target, exist_ok=True)
    for name in ("jjava.jar", "jjava-launcher.jar"):
        shutil.copy2(os.path.join(java_spec, name), os.path.join(target, name))

    cache = os.environ.get("DJL_CACHE_DIR", os.path.join(args.root, ".cache", "djl"))
    env = {
        "JJAVA_CLASSPATH": os.pathsep.join(jars),
        "JJAVA_JVM_OPTS": "-Xmx6g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "DJL_CACHE_DIR": cache,
        "R1KIT_HOME": args.root,
    }
    # METEOR's synonym and paraphrase data ship with pycocoevalcap (see io.r1kit.eval.MeteorResources).
    meteor = glob.glob(os.path.join(args.prefix, "lib", "python3*", "site-packages", "pycocoevalcap", "meteor"))
    if meteor and os.path.isfile(os.path.join(meteor[0], "meteor-1.5.jar")):
        env["R1KIT_METEOR_DIR"] = meteor[0]
    spec = {
        "argv": ["java", "-jar", "{resource_dir}/jjava-launcher.jar", "{resource_dir}/jjava.jar",
                 "{connection_file}"],
        "display_name": "Java (r1kit)",
        "language": "java",
        "interrupt_mode": "message",
        "env": env,
        "metadata": {},
    }
    with open(os.path.join(target, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
    print(f"kernel 'r1kit' installed in {target} ({len(jars)} jars on its class path)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
