{-# LANGUAGE OverloadedStrings #-}
-- | Spec for Transfer.Ascp.Parse: turns captured ascp stdout/stderr into an Outcome.
--   The fixtures are copied from tickets; nothing here runs ascp.
module Transfer.Ascp.ParseSpec (spec) where

import qualified Data.Text as T
import Test.Hspec
import Transfer.Ascp.Parse

fixtureOk :: T.Text
fixtureOk = T.unlines
  [ "ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58"
  , "Completed: 74523K bytes transferred in 118 seconds"
  , " (5132K bits/sec), in 1 file."
  ]

fixtureAuth :: T.Text
fixtureAuth = "ascp: failed to authenticate, exiting.\n\r\nSession Stop  (Error: failed to authenticate)\n"

fixturePartial :: T.Text
fixturePartial = T.unlines
  [ "Partial Completion: 19711732K bytes transferred in 3695 seconds"
  , "(43691K bits/sec), in 6 files, 4 directories; 3 files failed."
  , ""
  , "Session Stop  (Error: Disk write failed (server))"
  ]

fixtureUdp :: T.Text
fixtureUdp = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"

spec :: Spec
spec = describe "parseOutcome" $ do
  it "recognises a completed single-file run" $
    parseOutcome fixtureOk `shouldBe` Completed 74523 1
  it "maps failed to authenticate to AuthFailure" $
    parseOutcome fixtureAuth `shouldBe` Failed AuthFailure
  it "keeps the server-side disk error of a partial completion" $
    parseOutcome fixturePartial `shouldBe` Failed (DiskWrite Remote)
  it "maps the UDP message to Firewall" $
    parseOutcome fixtureUdp `shouldBe` Failed Firewall
  it "treats empty output as Unknown" $
    parseOutcome "" `shouldBe` Failed Unknown
  it "does not take a progress line with 100% as completion by itself" $
    parseOutcome (head (T.lines fixtureOk)) `shouldBe` Failed Unknown
