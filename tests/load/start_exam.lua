-- wrk script: POST /api/catalog/exams for an anonymous class B exam (30 questions drawn from the VN bank).
wrk.method = "POST"
wrk.body = '{"jurisdiction":"vn","licence_class":"B"}'
wrk.headers["Content-Type"] = "application/json"
