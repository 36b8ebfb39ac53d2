# Sourced by the measuring scripts (bench-export, profile-export,
# measure-editor), from the repository's root: sets $bin to the nianbao
# binary to measure — $BIN when given, else the $PROFILE build (release by
# default), built first.
profile=${PROFILE:-release}
if [ -n "${BIN:-}" ]; then
    bin=$BIN
else
    cargo build --profile "$profile" --quiet --bin nianbao
    dir=$profile
    [ "$profile" = dev ] && dir=debug
    bin=${CARGO_TARGET_DIR:-target}/$dir/nianbao
fi
