{-# LANGUAGE OverloadedStrings #-}
-- | Parse the tail of an ascp run (stdout + stderr merged) into a failure class.
-- Used by the nightly "fetch-ena" job; see docs/transfers.md.
--
-- The sample strings in 'spec' are copied from ascp output we have collected
-- over the years (ENA, CNCB, our own HSTS).  None of them comes from a single
-- run; they are fixtures.
module Transfer.AscpTail
  ( Outcome (..)
  , parseTail
  , spec
  ) where

import Data.Text (Text)
import qualified Data.Text as T
import Data.Void (Void)
import Test.Hspec
import Text.Megaparsec
import Text.Megaparsec.Char

type Parser = Parsec Void Text

data Outcome
  = Completed Integer          -- ^ K bytes
  | SessionStop Text           -- ^ text inside "(Error: ...)"
  | Exiting Text               -- ^ "ascp: <msg>, exiting."
  deriving (Eq, Show)

completed :: Parser Outcome
completed = do
  _ <- string "Completed: "
  n <- read <$> some digitChar
  _ <- string "K bytes transferred"
  pure (Completed n)

-- note the TWO spaces after "Stop"
sessionStop :: Parser Outcome
sessionStop = do
  _ <- string "Session Stop  (Error: "
  msg <- manyTill anySingle (string ")" <* eof)
  pure (SessionStop (T.pack msg))

exiting :: Parser Outcome
exiting = do
  _ <- try (string "ascp.exe: ") <|> string "ascp: "
  msg <- manyTill anySingle (string ", exiting." <* optional (char '\r'))
  pure (Exiting (T.pack msg))

parseTail :: Text -> [Outcome]
parseTail = foldr go [] . T.lines
  where
    go l acc = case parse (choice [try completed, try sessionStop, exiting]) "" (T.strip l) of
      Right o -> o : acc
      Left _  -> acc

spec :: Spec
spec = describe "parseTail" $ do
  it "reads a completed download" $
    parseTail "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n"
      `shouldBe` [Completed 74523]
  it "reads an authentication failure" $
    parseTail "ascp: failed to authenticate, exiting.\n\r\nSession Stop  (Error: failed to authenticate)\n"
      `shouldBe` [Exiting "failed to authenticate", SessionStop "failed to authenticate"]
  it "reads a UDP timeout" $
    parseTail "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
      `shouldBe` [SessionStop "Client unable to connect to server (check UDP port and firewall)"]
  it "reads a Windows prefix" $
    parseTail "ascp.exe: Failed to open TCP connection for SSH, exiting.\r\n"
      `shouldBe` [Exiting "Failed to open TCP connection for SSH"]
  it "keeps the dot in 'Cannot resolve target host.'" $
    parseTail "ascp: Cannot resolve target host., exiting."
      `shouldBe` [Exiting "Cannot resolve target host."]
