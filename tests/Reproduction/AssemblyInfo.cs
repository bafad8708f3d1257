// Tests mostly wait for runs from the shared pool, which trains one run per core; more waiting tests than cores
// keep every core busy whichever subset of tests a filter selects.
[assembly: LevelOfParallelism(8)]
