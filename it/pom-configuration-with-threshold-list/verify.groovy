def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// Maven 3.9+ names the plugin by its prefix (osvi:), Maven 3.6.3 by its artifactId.
assert log =~ /--- (osvi|osvi-maven-plugin):1\.0\.0-SNAPSHOT:await-campaign \(release-gate\) @ pom-configuration-with-threshold-list ---/ : 'the execution bound in the pom did not run'
assert log.contains('rules: failed <= 5%, picked >= 60%, failed+not_picked < 35%, not_picked <= 30%') : 'start line must list every configured rule'
assert log =~ /(?m)^\[INFO\]   failed\s+3%\s+<= 5%\s+held$/ : 'maxFailureRatio row missing'
assert log =~ /(?m)^\[INFO\]   picked\s+70%\s+>= 60%\s+held$/ : 'picked threshold row missing'
assert log =~ /(?m)^\[INFO\]   failed\+not_picked\s+30%\s+< 35%\s+held$/ : 'sum threshold row missing'
assert log =~ /(?m)^\[INFO\]   not_picked\s+27%\s+<= 30%\s+held$/ : 'not_picked threshold row missing'
assert !log.contains('(in no rule)') : 'every status is in a rule'
assert lines.contains('[INFO] OSVI gate: PASS campaign 7: 4 of 4 rules passed on 100 calls') : 'summary line missing'
assert log.contains('BUILD SUCCESS')
