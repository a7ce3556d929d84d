-- wrk script: PUT an answer to each of the 30 questions of every collected exam: question 1 of every exam, then
-- question 2..., so that concurrent requests go to different exams, as concurrent learners do.
dofile(os.getenv("DT_LOAD_DIR") .. "/exam_ids.lua")
local ids, next_exam, position

function init(args)
  ids = load_ids(thread_index)
  next_exam, position = 1, 1
end

function request()
  local id = ids[next_exam]
  local path = "/api/catalog/exams/" .. id .. "/answers/" .. position
  next_exam = next_exam + 1
  if next_exam > #ids then next_exam = 1; position = position % 30 + 1 end
  return wrk.format("PUT", path, {["Content-Type"] = "application/json"}, '{"selected":[0]}')
end
