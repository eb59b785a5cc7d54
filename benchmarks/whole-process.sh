#!/usr/bin/env bash
# Whole-process benchmark of the command line (docs/benchmarks.md, "Whole process"): start-up included, as users and
# CI run it. Times renders and publishes of 5, 100 and 1 000 apps, the 5-app samples, a render that writes nothing
# (`check` of a spec) of 1 000 apps in one team with a namespace per app, and the linter on 10 MB and 50 MB of
# workloads, each with `java -jar cli/target/goldenpath.jar` and with the `cli/target/goldenpath` launcher.
# Prints one JSON line per measurement: median, min and max of wall and CPU seconds and of peak RSS.
#
#   mvn -B -q package -DskipTests -Dinvoker.skip=true -pl cli,benchmarks -am
#   benchmarks/whole-process.sh                       # everything, 5 runs each after one warm-up
#   RUNS=3 CASES="render publish" RUNNERS=launcher benchmarks/whole-process.sh
#
# The case cdk8s (not in the default set: it installs cdk8s-plus from the npm registry into WORK) renders the same
# platforms with cdk8s-plus (benchmarks/cdk8s/render.mjs, synthesized by Node), each goldenpath render followed by
# the cdk8s one, both into a new folder: issue 18's yardstick. It needs node and npm.
#
# Environment: RUNS (counted runs, default 5), CASES (any of: samples render publish one-team lint cdk8s; default all
# but cdk8s),
# APPS (default "5 100 1000"), ONE_TEAM_APPS (default 1000), LINT_MB (default "10 50"), RUNNERS (jar and/or launcher; default both),
# JAVA (default $JAVA_HOME/bin/java or java), CLI_FOLDER (where goldenpath.jar and the launcher are, default
# cli/target), WORK (scratch folder, default a new temporary one, removed at the end).
# BASELINE: the folder of another build's goldenpath.jar and launcher (e.g. a copy of cli/target made at an older
# commit). Each run is then followed by the same run of the baseline, so that a machine whose load changes slows both
# alike; every measurement prints a line for each build ("build": "current" or "baseline") and one with the medians
# of the run-by-run ratios current / baseline ("ratio_to_baseline").
# BASELINE_RUNNER (jar or launcher; default: the runner measured) runs the baseline another way, e.g. with java -jar
# for a build older than the launcher; BASELINE_SAMPLES (default: this tree's samples/target/classes) is the samples'
# classes the baseline renders in the samples case, built at the baseline's commit (its DSL may differ from this one).
# Issue 18's own before: BASELINE=<47ce55c's cli/target> BASELINE_RUNNER=jar BASELINE_SAMPLES=<its samples classes>
# (docs/benchmarks.md, "Issue 18: against the issue's own before").
# Peak RSS comes from GNU time (/usr/bin/time); without it the figure is null.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli_folder=${CLI_FOLDER:-$root/cli/target}
jar=$cli_folder/goldenpath.jar
launcher=$cli_folder/goldenpath
specs=$root/benchmarks/target/classes
samples=$root/samples/target/classes
baseline=${BASELINE:-}
baseline_runner=${BASELINE_RUNNER:-}
baseline_samples=${BASELINE_SAMPLES:-$samples}
case $baseline_runner in ''|jar|launcher) ;; *) echo "whole-process.sh: BASELINE_RUNNER must be jar or launcher" >&2; exit 2 ;; esac
runs=${RUNS:-5}
cases=${CASES:-samples render publish one-team lint}
one_team_apps=${ONE_TEAM_APPS:-1000}
apps_list=${APPS:-5 100 1000}
lint_sizes=${LINT_MB:-10 50}
runners=${RUNNERS:-jar launcher}
if [ -n "${JAVA:-}" ]; then java=$JAVA
elif [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java
else java=java
fi
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}

needs=("$jar" "$specs/dev/goldenpath/benchmarks/WholeProcessSpec.class" "$samples")
case " $runners " in *" launcher "*) needs+=("$launcher") ;; esac
if [ -n "$baseline" ]; then
    needs+=("$baseline/goldenpath.jar")
    case "${baseline_runner:-$runners}" in *launcher*) needs+=("$baseline/goldenpath") ;; esac
    case " $cases " in *" samples "*) needs+=("$baseline_samples") ;; esac
fi
for needed in "${needs[@]}"; do
    [ -e "$needed" ] || { echo "whole-process.sh: $needed is missing: build cli and benchmarks first" >&2; exit 2; }
done
if [ -n "${WORK:-}" ]; then
    work=$WORK; mkdir -p "$work"; work=$(cd "$work" && pwd)
else
    work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
gnu_time=
if /usr/bin/time -f %e true >/dev/null 2>&1; then gnu_time=/usr/bin/time; fi

# runner_command RUNNER BUILD: the command line of the runner, for this build (current) or the baseline's (with its
# own runner when BASELINE_RUNNER names one).
runner_command() {
    local folder=$cli_folder runner=$1
    if [ "$2" = baseline ]; then folder=$baseline runner=${baseline_runner:-$1}; fi
    case $runner in
        jar) echo "$java -jar $folder/goldenpath.jar" ;;
        launcher) echo "$folder/goldenpath" ;;
    esac
}

# One run: prints "wall cpu rss_kb exit".
timed() {
    local out=$work/time.out status
    if [ -n "$gnu_time" ]; then
        set +e
        "$gnu_time" -o "$out" -f '%e %U %S %M %x' "$@" >/dev/null 2>"$work/stderr"
        set -e
        awk '{ printf "%s %.3f %s %s\n", $1, $2 + $3, $4, $5 }' "$out" | tail -1
    else
        local TIMEFORMAT='%R %U %S'
        set +e
        { time "$@" >/dev/null 2>"$work/stderr"; status=$?; } 2>"$out"
        set -e
        awk -v s="$status" '{ printf "%s %.3f null %s\n", $1, $2 + $3, s }' "$out" | tail -1
    fi
}

# median/min/max of a column of numbers ("null" stays null).
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0 || v[1] == "null") { print "null"; exit }
        printf "{\"median\": %s, \"min\": %s, \"max\": %s}", v[int((NR + 1) / 2)], v[1], v[NR] }'
}

# measure NAME APPS RUNNER SETUP_EACH -- ARGS...: one warm-up, then $runs runs of the runner's command line with ARGS
# (with BASELINE, each followed by the baseline's); prints the JSON lines.
measure() {
    local name=$1 apps=$2 runner=$3 before=$4; shift 5
    local builds=(current) build i exit_codes results argument
    local -a cli arguments
    if [ -n "$baseline" ]; then builds+=(baseline); fi
    for build in "${builds[@]}"; do : >"$work/results-$build"; done
    for ((i = 0; i <= runs; i++)); do
        for build in "${builds[@]}"; do
            $before "$i"
            # shellcheck disable=SC2207
            cli=($(runner_command "$runner" "$build"))
            arguments=()
            for argument in "$@"; do
                if [ "$build" = baseline ] && [ "$argument" = "$samples" ]; then argument=$baseline_samples; fi
                arguments+=("$argument")
            done
            if [ "$i" -eq 0 ]; then timed "${cli[@]}" "${arguments[@]}" >/dev/null; continue; fi
            timed "${cli[@]}" "${arguments[@]}" >>"$work/results-$build"
        done
    done
    for build in "${builds[@]}"; do
        results=$work/results-$build
        exit_codes=$(awk '{ print $4 }' "$results" | sort -u | paste -sd, -)
        printf '{"command": "%s", "apps": %s, "runner": "%s", %s"runs": %s, "exit": [%s], %s"wall_s": %s, "cpu_s": %s, "peak_rss_mb": %s}\n' \
            "$name" "$apps" "$(if [ "$build" = baseline ]; then echo "${baseline_runner:-$runner}"; else echo "$runner"; fi)" \
            "${baseline:+\"build\": \"$build\", }" "$runs" "$exit_codes" "${extra:-}" \
            "$(awk '{ print $1 }' "$results" | stats)" \
            "$(awk '{ print $2 }' "$results" | stats)" \
            "$(awk '{ if ($3 == "null") print "null"; else printf "%.1f\n", $3 / 1024 }' "$results" | stats)"
    done
    if [ -n "$baseline" ]; then
        printf '{"command": "%s", "apps": %s, "runner": "%s", "ratio_to_baseline": {"wall": %s, "cpu": %s}}\n' \
            "$name" "$apps" "$runner" \
            "$(paste -d' ' "$work/results-current" "$work/results-baseline" | awk '{ printf "%.3f\n", $1 / $5 }' | median)" \
            "$(paste -d' ' "$work/results-current" "$work/results-baseline" | awk '{ printf "%.3f\n", $2 / $6 }' | median)"
    fi
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "null"; else print v[int((NR + 1) / 2)] }'
}

nothing() { :; }

# cdk8s-plus and what it needs, at the versions the figures in docs/benchmarks.md were measured with, installed into
# WORK (never into the source tree); prints the folder to run render.mjs in.
cdk8s_install() {
    local folder=$work/cdk8s
    if [ ! -d "$folder/node_modules/cdk8s-plus-33" ]; then
        command -v node >/dev/null && command -v npm >/dev/null \
            || { echo "whole-process.sh: the cdk8s case needs node and npm" >&2; exit 2; }
        mkdir -p "$folder"
        npm install --prefix "$folder" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
            cdk8s@2.70.106 cdk8s-plus-33@2.5.57 constructs@10.8.1 >&2
    fi
    cp "$root/benchmarks/cdk8s/render.mjs" "$folder/render.mjs"
    echo "$folder"
}

# side_by_side APPS RUNNER CDK8S_FOLDER: one warm-up, then $runs pairs of a goldenpath render and a cdk8s synth of
# APPS apps, each into a folder removed before it (not timed); prints a JSON line for each tool and one with the
# medians of the pair-by-pair ratios goldenpath / cdk8s-plus.
side_by_side() {
    local apps=$1 runner=$2 folder=$3 i tool
    local -a cli
    # shellcheck disable=SC2207
    cli=($(runner_command "$runner" current))
    : >"$work/results-goldenpath"; : >"$work/results-cdk8s"
    for ((i = 0; i <= runs; i++)); do
        rm -rf "$work/side-goldenpath"
        if [ "$i" -eq 0 ]; then
            timed "${cli[@]}" render -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec -d "$work/side-goldenpath" >/dev/null
        else
            timed "${cli[@]}" render -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec -d "$work/side-goldenpath" \
                >>"$work/results-goldenpath"
        fi
        rm -rf "$folder/dist"
        if [ "$i" -eq 0 ]; then
            (cd "$folder" && timed node render.mjs "$apps" dist) >/dev/null
        else
            (cd "$folder" && timed node render.mjs "$apps" dist) >>"$work/results-cdk8s"
        fi
    done
    for tool in goldenpath cdk8s; do
        printf '{"command": "render-side-by-side", "apps": %s, "tool": "%s", "runner": "%s", "runs": %s, "exit": [%s], "files": %s, "wall_s": %s, "cpu_s": %s, "peak_rss_mb": %s}\n' \
            "$apps" "$([ $tool = cdk8s ] && echo cdk8s-plus || echo goldenpath)" \
            "$([ $tool = cdk8s ] && echo node || echo "$runner")" "$runs" \
            "$(awk '{ print $4 }' "$work/results-$tool" | sort -u | paste -sd, -)" \
            "$(find "$([ $tool = cdk8s ] && echo "$folder/dist" || echo "$work/side-goldenpath")" -type f | wc -l)" \
            "$(awk '{ print $1 }' "$work/results-$tool" | stats)" \
            "$(awk '{ print $2 }' "$work/results-$tool" | stats)" \
            "$(awk '{ if ($3 == "null") print "null"; else printf "%.1f\n", $3 / 1024 }' "$work/results-$tool" | stats)"
    done
    printf '{"command": "render-side-by-side", "apps": %s, "runner": "%s", "ratio_goldenpath_to_cdk8s_plus": {"wall": %s, "cpu": %s}}\n' \
        "$apps" "$runner" \
        "$(paste -d' ' "$work/results-goldenpath" "$work/results-cdk8s" | awk '{ printf "%.3f\n", $1 / $5 }' | median)" \
        "$(paste -d' ' "$work/results-goldenpath" "$work/results-cdk8s" | awk '{ printf "%.3f\n", $2 / $6 }' | median)"
}

# A bare repository of about 3 000 files: other teams' files, then this platform's first publish.
seed_repository() {
    local repository=$1 apps=$2 checkout=$work/seed filler
    rm -rf "$repository" "$checkout"
    git init -q --bare "$repository"
    git init -q "$checkout"
    filler=$(( apps >= 500 ? 0 : 3000 - apps * 6 - 10 ))
    mkdir -p "$checkout/other"
    for ((f = 0; f < filler; f++)); do
        printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other-%d\ndata:\n  n: "%d"\n' "$f" "$f" \
            >"$checkout/other/configmap-$f.yaml"
    done
    printf 'seed\n' >"$checkout/README.md"
    git -C "$checkout" add -A
    git -C "$checkout" -c user.name=bench -c user.email=bench@example.com commit -qm seed
    git -C "$checkout" push -q "$repository" HEAD:refs/heads/main
    rm -rf "$checkout"
    GOLDENPATH_BENCH_APPS=$apps "$java" -jar "$jar" publish -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec \
        --repository "$repository" --branch main --root whole -m "first" >/dev/null 2>&1
}

# Every run a one-file change: app0's variable RELEASE (in its Deployment only) differs from the run before.
next_release() { export GOLDENPATH_BENCH_RELEASE=$1-$RANDOM; }

# Workload documents: the rendered objects of one app and its namespace (Namespace, default-deny and app
# NetworkPolicies, Deployment, Service, ServiceAccount, Role, RoleBinding, ...) repeated under new names, to N MB.
lint_input() {
    local megabytes=$1 file=$work/lint-$1mb.yaml template=$work/render-template
    if [ ! -f "$template/whole/apps/production/app0/deployment.yaml" ]; then
        GOLDENPATH_BENCH_APPS=5 "$java" -jar "$jar" render -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec \
            -d "$template" >/dev/null 2>&1
    fi
    awk -v limit=$((megabytes * 1024 * 1024)) '
        FNR == 1 && NR > 1 { doc = doc "---\n" }
        { doc = doc $0 "\n" }
        END {
            while (size < limit) {
                n++; d = doc; gsub(/app0/, "app" n, d)
                printf "---\n%s", d; size += length(d) + 4
            }
        }' $(ls "$template"/whole/platform/production/namespaces/app0/*.yaml "$template"/whole/apps/production/app0/*.yaml \
            | grep -v kustomization.yaml) >"$file"
    echo "$file"
}

for runner in $runners; do
    for case in $cases; do
        case $case in
            samples)
                measure render-samples 7 "$runner" nothing -- \
                    render -cp "$samples" --spec dev.goldenpath.samples.AcmeSpec -d "$work/samples" ;;
            render)
                for apps in $apps_list; do
                    export GOLDENPATH_BENCH_APPS=$apps
                    measure render "$apps" "$runner" nothing -- \
                        render -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec \
                        -d "$work/render-$apps"
                done
                unset GOLDENPATH_BENCH_APPS ;;
            publish)
                for apps in $apps_list; do
                    export GOLDENPATH_BENCH_APPS=$apps
                    seed_repository "$work/gitops-$apps.git" "$apps"
                    extra="\"repository_files\": $(git --git-dir="$work/gitops-$apps.git" ls-tree -r main | wc -l), "
                    measure publish-one-file "$apps" "$runner" next_release -- \
                        publish -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec \
                        --repository "$work/gitops-$apps.git" --branch main --root whole -m "one file"
                done
                extra=
                unset GOLDENPATH_BENCH_APPS GOLDENPATH_BENCH_RELEASE ;;
            one-team)
                # A fresh process's render without writing: validate, render, policy check (issue 18's "under 2.5 s").
                export GOLDENPATH_BENCH_APPS=$one_team_apps GOLDENPATH_BENCH_TEAM_SIZE=0
                measure check-one-team "$one_team_apps" "$runner" nothing -- \
                    check -cp "$specs" --spec dev.goldenpath.benchmarks.WholeProcessSpec
                unset GOLDENPATH_BENCH_APPS GOLDENPATH_BENCH_TEAM_SIZE ;;
            lint)
                for megabytes in $lint_sizes; do
                    input=$(lint_input "$megabytes")
                    extra="\"input_mb\": $(( $(wc -c <"$input") / 1048576 )), "
                    measure "lint-${megabytes}mb" 0 "$runner" nothing -- check "$input"
                    extra=
                done ;;
            cdk8s)
                cdk8s_folder=$(cdk8s_install)
                for apps in $apps_list; do
                    export GOLDENPATH_BENCH_APPS=$apps
                    side_by_side "$apps" "$runner" "$cdk8s_folder"
                done
                unset GOLDENPATH_BENCH_APPS ;;
            *) echo "whole-process.sh: unknown case '$case'" >&2; exit 2 ;;
        esac
    done
done
