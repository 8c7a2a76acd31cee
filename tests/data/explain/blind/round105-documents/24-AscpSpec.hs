module AscpSpec (spec) where

import Test.Hspec
import Transfer.Ascp (Outcome (..), parseOutcome)

spec :: Spec
spec = describe "parseOutcome" $ do
  it "reads a completed transfer" $
    parseOutcome "Completed: 4417K bytes transferred in 4 seconds\n (8092K bits/sec), in 1 file.\n"
      `shouldBe` Done 1

  it "reads an SSH connect failure" $
    parseOutcome "ascp: Failed to open TCP connection for SSH, exiting.\nSession Stop  (Error: Failed to open TCP connection for SSH)\n"
      `shouldBe` Failed "Failed to open TCP connection for SSH"

  it "reads a partial completion" $
    parseOutcome (unlines
      [ "Partial Completion: 19711732K bytes transferred in 3695 seconds"
      , "(43691K bits/sec), in 6 files, 4 directories; 3 files failed."
      , ""
      , "Session Stop  (Error: Disk write failed (server))" ])
      `shouldBe` Partial 3 "Disk write failed (server)"

  it "does not mistake usage text for a failure" $
    parseOutcome "ascp: Source file list not specified, exiting\n"
      `shouldBe` Failed "Source file list not specified"
