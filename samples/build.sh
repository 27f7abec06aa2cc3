#!/usr/bin/env bash
# Packs the WotId.* libraries into a local folder, then builds and runs samples/WotId.Sample.Console against those
# packages, not the projects (docs/library.md "Sample"). The libraries build into the repository's artifacts folder
# (or $WOTID_ARTIFACTS), so after ./test.sh nothing is compiled again. The WotId.* packages of this version are
# removed from the NuGet package cache before the sample restores and again at the end, so a run never uses
# packages cached by an earlier one.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d "${TMPDIR:-/tmp}/wotid-samples.XXXXXX")"
artifacts="${WOTID_ARTIFACTS:-$PWD/artifacts}"
packages="$work/packages"
cache="$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')"
version=""
forget() {
  if [ -n "$version" ]; then rm -rf "$cache"/wotid.*/"$version"; fi
}
trap 'forget; rm -rf "$work"' EXIT

libraries=(Core Crypto Libp2p Signal Identity Tsp Mailbox Node)
echo "samples: building the libraries"
dotnet build src/WotId.Node -c Release -p:ArtifactsPath="$artifacts" -nologo -clp:ErrorsOnly
for name in "${libraries[@]}"; do
  dotnet pack "src/WotId.$name" -c Release --no-build -p:ArtifactsPath="$artifacts" -o "$packages" -nologo -clp:ErrorsOnly
done
version="$(dotnet msbuild src/WotId.Node -getProperty:PackageVersion)"
echo "samples: packed $(find "$packages" -name '*.nupkg' | wc -l) packages $version (and their .snupkg symbols) after ${SECONDS}s"
forget

sample=samples/WotId.Sample.Console
dotnet build "$sample" -c Release -nologo -clp:ErrorsOnly -p:WotIdVersion="$version" \
  -p:RestoreAdditionalProjectSources="$packages" -p:UseArtifactsOutput=true -p:ArtifactsPath="$work/sample"
echo "samples: sample built after ${SECONDS}s; running it"
dotnet "$work/sample/bin/WotId.Sample.Console/release/WotId.Sample.Console.dll"
echo "samples: done in ${SECONDS}s"
