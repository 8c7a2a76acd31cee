-- "Send to Post House.app" — drag files onto the droplet to upload them with ascp.
-- Maintainer: edit suite IT. Error strings below are matched against ascp's stderr;
-- they are templates, not captured output.

property ascpPath : "/Applications/IBM Aspera Connect.app/Contents/Resources/ascp"
property keyPath : "~/Library/Application Support/PostHouse/post_rsa"
property remoteTarget : "edit_suite3@fasp.posthouse.example.com:/incoming/"

on open droppedItems
	repeat with anItem in droppedItems
		set p to quoted form of POSIX path of anItem
		set cmd to quoted form of ascpPath & " -P 33001 -l 500m -k 2 -i " & keyPath & " " & p & " " & remoteTarget & " 2>&1"
		try
			set out to do shell script cmd
			if out contains "Completed:" then
				display notification "Upload finished" with title "Post House"
			end if
		on error errMsg number errNum
			if errMsg contains "failed to authenticate" then
				display dialog "The post house did not accept our key. Call IT." buttons {"OK"} with icon stop
			else if errMsg contains "check UDP port and firewall" then
				display dialog "The network is blocking Aspera (UDP 33001). Try from the wired network, not guest Wi-Fi." buttons {"OK"} with icon caution
			else if errMsg contains "Cannot resolve target host" then
				display dialog "No internet/DNS. Check the network connection." buttons {"OK"} with icon caution
			else if errMsg contains "No such file or directory" then
				display dialog "The /incoming folder is missing on the post house side." buttons {"OK"} with icon stop
			else
				display dialog "Upload failed (" & errNum & "):" & return & errMsg buttons {"OK"} with icon stop
			end if
		end try
	end repeat
end open
