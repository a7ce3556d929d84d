// The routes. Admin screens are a separate chunk, loaded only when an admin opens them.
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { CallbackPage } from "../auth/CallbackPage";
import { ExamPage } from "../exam/ExamPage";
import { ResultPage } from "../exam/ResultPage";
import { BookmarksPage } from "../me/BookmarksPage";
import { HistoryPage } from "../me/HistoryPage";
import { PasswordPage } from "../me/PasswordPage";
import { ProfilePage } from "../me/ProfilePage";
import { RegisterPage } from "../me/RegisterPage";
import { RequireSignIn } from "../me/RequireSignIn";
import { ReviewPage } from "../me/ReviewPage";
import { StatisticsPage } from "../me/StatisticsPage";
import { HomePage } from "../pages/HomePage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { PracticeHub } from "../practice/PracticeHub";
import { PracticeSession } from "../practice/PracticeSession";
import { SearchPage } from "../practice/SearchPage";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { Loading } from "../ui/Status";
import { Layout } from "./Layout";

const AdminApp = lazy(() => import("../admin/AdminApp"));

const signedIn = (page: React.ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

export function App() {
  return (
    <Layout>
      <ErrorBoundary>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/exam/:id" element={<ExamPage />} />
          <Route path="/exam/:id/result" element={<ResultPage />} />
          <Route path="/practice" element={<PracticeHub />} />
          <Route path="/practice/topic/:topic" element={<PracticeSession mode="topic" />} />
          <Route path="/practice/all" element={<PracticeSession mode="all" />} />
          <Route path="/practice/critical" element={<PracticeSession mode="critical" />} />
          <Route path="/practice/road-signs" element={<PracticeSession mode="road-signs" />} />
          <Route path="/practice/random" element={<PracticeSession mode="random" />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/auth/callback" element={<CallbackPage />} />
          <Route path="/me/history" element={signedIn(<HistoryPage />)} />
          <Route path="/me/statistics" element={signedIn(<StatisticsPage />)} />
          <Route path="/me/review" element={signedIn(<ReviewPage />)} />
          <Route path="/me/bookmarks" element={signedIn(<BookmarksPage />)} />
          <Route path="/me/profile" element={signedIn(<ProfilePage />)} />
          <Route path="/me/password" element={signedIn(<PasswordPage />)} />
          <Route
            path="/admin/*"
            element={
              <RequireSignIn role="admin">
                <Suspense fallback={<Loading />}>
                  <AdminApp />
                </Suspense>
              </RequireSignIn>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}
