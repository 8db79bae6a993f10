def log = new File(basedir, 'build.log').text
context.watcher.join(10_000)
def abort = context.abort
assert abort.exitedAt > 0 && abort.signalledAt > 0 : 'the build was never sent SIGTERM (is the gate waiting?)'
long millis = (abort.exitedAt - abort.signalledAt) / 1_000_000
println "SIGTERM to exit: ${millis} ms"
// about 1.5 s on a quiet machine, up to 3 s when the 2 cores are shared; a gate that waited out its pause (15 s
// here) or the verdict's own deadline would take far longer
assert millis < 5000 : "Maven took ${millis} ms to stop after SIGTERM"
assert log.contains('[ERROR] OSVI gate: ABORTED campaign 7: the gate was aborted before the campaign completed') : 'aborted summary missing'
assert !log.contains('BUILD SUCCESS')
