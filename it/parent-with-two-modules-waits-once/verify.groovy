def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.count('Awaiting OSVI campaign 7') == 1 : 'one wait for the build'
assert simulator.requests().size() == 1 : "one request for the build, got ${simulator.requests().size()}"
assert log.count('is inherited by api, app, so it runs 3 times in this build') == 1 : 'the parent says once what its execution does'
assert log.contains('To gate once, mark it <inherited>false</inherited> in shop-parent: <execution><id>campaign-gate</id><inherited>false</inherited>...</execution>.')
def pass = lines.findAll { it.contains('OSVI gate: PASS campaign 7: ') }
assert pass.size() == 3 : "three PASS lines expected: ${pass}"
assert pass.count { it.endsWith('(verdict of gate shop-parent-campaign-gate of this build)') } == 2 : "the modules' PASS lines say where the verdict came from: ${pass}"
assert log.count('Campaign 7 was judged by gate shop-parent-campaign-gate of this build, with the same rules: its verdict is reused, without a second wait.') == 2
['', 'api/', 'app/'].each { module ->
    assert new File(basedir, module + 'target/osvi/campaign-7.json').isFile() : "${module}: the same outputs"
    assert new File(basedir, module + 'target/osvi/TEST-osvi-campaign-7.xml').isFile() : "${module}: the same outputs"
}
assert log.contains('BUILD SUCCESS')
