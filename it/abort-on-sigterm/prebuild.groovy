// Watches for the forked Maven build of this IT; once the gate is waiting, sends it SIGTERM as a CI would.
def log = new File(basedir, 'build.log')
def marker = basedir.canonicalPath
context.abort = [signalledAt: 0L, exitedAt: 0L]
context.watcher = Thread.start('sigterm-the-build') {
    long deadline = System.currentTimeMillis() + 120_000
    ProcessHandle maven = null
    while (System.currentTimeMillis() < deadline) {
        if (maven == null) {
            maven = ProcessHandle.allProcesses().filter { p ->
                def line = p.info().commandLine().orElse('')
                line.contains('plexus-classworlds') && line.contains(marker)
            }.findFirst().orElse(null)
        }
        if (maven != null && log.isFile() && log.text.contains('campaign 7: queues')) {
            Thread.sleep(1000)
            context.abort.signalledAt = System.nanoTime()
            maven.destroy()
            maven.onExit().get()
            context.abort.exitedAt = System.nanoTime()
            return
        }
        Thread.sleep(100)
    }
}
true
