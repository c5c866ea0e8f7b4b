// No-op JS hooks on the benchmark's posts collection (bench/run.sh --hooks bench/hooks/noop): each request of the
// get, list, create and update scenarios passes a request hook, each write a model hook, each answered record
// the enrich hook, all of them calling only e.next(). Measures what running JS hooks costs per request.
onRecordViewRequest((e) => e.next(), "posts");
onRecordsListRequest((e) => e.next(), "posts");
onRecordCreateRequest((e) => e.next(), "posts");
onRecordUpdateRequest((e) => e.next(), "posts");
onRecordCreate((e) => e.next(), "posts");
onRecordUpdate((e) => e.next(), "posts");
onRecordEnrich((e) => e.next(), "posts");
