// The relative path is what this IT tests: the shared fixture is put where the pom names it, scenarios/complete.json.
def scenarios = new File(basedir, 'scenarios')
scenarios.mkdirs()
java.nio.file.Files.copy(new File(itFixtures, 'complete.json').toPath(), new File(scenarios, 'complete.json').toPath(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING)
true
